#pragma once
// Numbers written into JSON text that is assembled by hand (large documents are too slow to
// build as a tree first in WebAssembly), in exactly the bytes nlohmann's dump() gives.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace lowsky {

// `v` as dump() writes it: the shortest text that reads back as `v`, "null" when not finite.
void append_json_number(std::string& out, double v);
// The same, written at `at` (room for 32 bytes); returns the end.
char* write_json_number(char* at, double v);

// JSON written as it goes, laid out as nlohmann's dump(indent, ' ', false, replace) lays out a
// tree: a member or element a line, `indent` spaces a level; "{}" and "[]" when empty. The
// caller gives each object's keys in the order its tree would keep them. Large documents (a
// day's report is tens of megabytes) are too slow to build as a tree first.
class JsonDumpWriter {
public:
    JsonDumpWriter(std::string& out, int indent) : out_(out), indent_(size_t(indent < 0 ? 0 : indent)) {}
    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }
    JsonDumpWriter& key(std::string_view k) {
        item();
        string(k);
        out_ += ": ";
        keyed_ = true;
        return *this;
    }
    void value(double v) { item(); append_json_number(out_, v); }
    void value(int v) { value((long long)v); }
    void value(unsigned v) { value((unsigned long long)v); }
    void value(long long v);
    void value(unsigned long long v);
    void value(bool v) { item(); out_ += v ? "true" : "false"; }
    void value(std::nullptr_t) { item(); out_ += "null"; }
    void value(const char* v) { value(std::string_view(v)); }
    void value(const std::string& v) { value(std::string_view(v)); }
    void value(std::string_view v) { item(); string(v); }
    template <typename T>
    void member(std::string_view k, const T& v) { key(k).value(v); }

private:
    void item();  // before a key or an element: a comma after the one before, a new line, the indent
    void open(char c);
    void close(char c);
    void string(std::string_view v);
    std::string& out_;
    size_t indent_;
    std::vector<size_t> counts_;  // per open container: its members so far
    bool keyed_ = false;          // a key is written: its value goes on its line
};

// `value` as value.dump(indent, ' ', false, replace) writes it (indent 0 or more), byte for
// byte, through JsonDumpWriter: nlohmann's serializer (its stream adapter and its number
// printing) was most of a scenario save in WebAssembly.
std::string json_text(const nlohmann::json& value, int indent);
std::string json_text(const nlohmann::ordered_json& value, int indent);
}  // namespace lowsky
