#pragma once
// A JSON text into a Json value in one pass over the bytes: the fast way in for every document
// lowsky reads (a 10,000-waypoint .plan is 5 MB). It accepts exactly RFC 8259 JSON in UTF-8, as
// nlohmann's parser does, with the nesting bounded; on anything else it gives up, and the caller
// takes nlohmann's path, which says what is wrong and where (core/json_read.h).
//
// JsonScanner is the same parser, step by step, for a reader that takes the bulk of a document
// (a mission's items) straight into its own structures without building a tree for it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/json_read.h"

namespace lowsky {

std::optional<Json> parse_json_fast(std::string_view text, size_t max_depth);

class JsonScanner {
public:
    JsonScanner(std::string_view text, size_t max_depth) : p_(text.data()), end_(text.data() + text.size()), max_depth_(max_depth) {}

    // A number as nlohmann keeps it: a whole number that fits is an integer (unsigned, or
    // signed when negative), anything else a double.
    struct Number {
        enum Kind { Unsigned, Signed, Float } kind = Float;
        uint64_t u = 0;
        int64_t i = 0;
        double d = 0;  // the value as a double, whatever the kind (what get<double>() gives)
    };

    void skip_bom();    // a UTF-8 byte order mark at the start, as nlohmann skips it
    void skip_space();
    // The next character after white space, or 0 at the end (JSON has no NUL outside strings).
    char peek() { skip_space(); return p_ == end_ ? 0 : *p_; }
    // Takes `c` after white space when it is next.
    bool take(char c) {
        if (peek() != c) return false;
        ++p_;
        return true;
    }
    bool at_end() { skip_space(); return p_ == end_; }
    const char* position() const { return p_; }
    void rewind(const char* to) { p_ = to; }

    // Each parses what is next (after white space) or returns false where the text is not JSON.
    // `depth` counts the containers the value sits in.
    bool value(Json& out, size_t depth);
    bool skip_value(size_t depth);       // checked as fully as value(), nothing built
    bool string(std::string& out);
    // A key or other string, as a view into the text when it has no escapes (`scratch` holds
    // it when it has).
    bool string_view(std::string& scratch, std::string_view& out);
    bool number(Number& out);
    bool boolean(bool& out);

    // An array's elements, each read by `read_element()` (false where the text is not JSON).
    template <typename Element>
    bool elements(Element&& read_element) {
        if (!take('[')) return false;
        if (take(']')) return true;
        while (true) {
            if (!read_element()) return false;
            if (take(',')) continue;
            return take(']');
        }
    }

    // An object's members into `out` (the last of a repeated key wins), except the member
    // `special`, which is handed to `read_special(Json& slot)` to read its value its own way.
    // `depth` counts the containers the members sit in. False where the text is not JSON, or
    // when `special` comes twice (which of the two wins is then the caller's to settle).
    template <typename Special>
    bool object_except(size_t depth, Json& out, std::string_view special, Special&& read_special) {
        if (!take('{')) return false;
        out = Json::object();
        if (take('}')) return true;
        bool special_seen = false;
        while (true) {
            std::string key;
            if (!string(key) || !take(':')) return false;
            if (key == special) {
                if (special_seen) return false;
                special_seen = true;
                if (!read_special(out[key])) return false;
            } else {
                Json member;
                if (!value(member, depth)) return false;
                out[key] = std::move(member);
            }
            if (take(',')) continue;
            return take('}');
        }
    }

private:
    const char* p_;
    const char* const end_;
    const size_t max_depth_;

    bool literal(const char* word, size_t n);
    template <bool Build>
    bool any_value(Json* out, size_t depth);
    template <bool Build>
    bool object(Json* out, size_t depth);
    template <bool Build>
    bool array(Json* out, size_t depth);
    template <bool Convert>
    bool scan_number(Number* out);
    bool skip_utf8();
    bool hex4(uint32_t& v);
    template <bool Build>
    bool string_body(std::string* out);
};

}  // namespace lowsky
