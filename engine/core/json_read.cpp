#include "core/json_read.h"

#include "core/json_fast.h"
#include "core/text.h"

#include <algorithm>
#include <cmath>

namespace lowsky {

namespace {

// A SAX consumer that records where the parser stopped; used only after a failed parse, to
// give a line and column.
struct SyntaxErrorLocator : nlohmann::json_sax<Json> {
    size_t byte = 0;  // characters read when the parser gave up
    std::string message;

    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t position, const std::string& last_token, const nlohmann::detail::exception& ex) override {
        byte = position;
        message = ex.what();
        // nlohmann's text starts with "[json.exception.parse_error.101] parse error at line 1, column 2: ";
        // keep only the reason after the position (the line and column are ours to give).
        const auto column = message.find("column ");
        const auto colon = message.find(": ", column == std::string::npos ? 0 : column);
        if (colon != std::string::npos) message = message.substr(colon + 2);
        else if (const auto bracket = message.find("] "); bracket != std::string::npos) message = message.substr(bracket + 2);
        if (!last_token.empty() && last_token.size() < 40 && message.find("last read") == std::string::npos)
            message += " (near '" + last_token + "')";
        // The library quotes the last bytes read, cut wherever the error fell: perhaps in the
        // middle of a character, so the quote is made printable before it reaches a message.
        message = printable(message);
        return false;
    }
};

}  // namespace

namespace {
// Where a document first nests deeper than `limit`, counted without recursion (a hostile file
// must not exhaust the stack); npos when it never does.
size_t too_deep_at(std::string_view text, size_t limit) {
    size_t depth = 0;
    bool in_string = false, escaped = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        else if ((c == '[' || c == '{') && ++depth > limit) return i;
        else if ((c == ']' || c == '}') && depth > 0) --depth;
    }
    return std::string_view::npos;
}
}  // namespace

Result<Json> parse_json_text(std::string_view text, const std::string& source) {
    if (text.size() > kMaxJsonBytes)
        return make_error("file is " + std::to_string(text.size() / (1024 * 1024)) + " MiB, larger than the " +
                          std::to_string(kMaxJsonBytes / (1024 * 1024)) + " MiB lowsky reads", source);
    // The fast parser takes every well-formed document; what it gives up on goes the long way,
    // which finds what is wrong and says where.
    if (auto value = parse_json_fast(text, kMaxJsonDepth)) return std::move(*value);
    if (auto not_utf8 = require_utf8(text, source)) return *not_utf8;
    // A JSON text never holds a NUL byte; the parser would stop at one and ignore the rest.
    if (const size_t nul = text.find('\0'); nul != std::string_view::npos) {
        size_t line = 1, column = 1;
        for (size_t i = 0; i < nul; ++i) (text[i] == '\n') ? (++line, column = 1) : ++column;
        return make_error("a NUL byte at offset " + std::to_string(nul) + ": not a JSON text (what follows it would be ignored)",
                          source + ":" + std::to_string(line) + ":" + std::to_string(column), "json.nul_byte");
    }
    if (const size_t deep = too_deep_at(text, kMaxJsonDepth); deep != std::string_view::npos) {
        size_t line = 1, column = 1;
        for (size_t i = 0; i < deep; ++i) (text[i] == '\n') ? (++line, column = 1) : ++column;
        return make_error("nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels at offset " + std::to_string(deep) +
                              ": not a document lowsky writes or reads",
                          source + ":" + std::to_string(line) + ":" + std::to_string(column));
    }
    Json value = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (!value.is_discarded()) return value;

    SyntaxErrorLocator locator;
    Json::sax_parse(text.begin(), text.end(), &locator, nlohmann::detail::input_format_t::json, /*strict=*/true);
    size_t line = 1, column = 1;
    // Point at the last character read: where the parser noticed the problem.
    const size_t stop = std::min(locator.byte > 0 ? locator.byte - 1 : 0, text.size());
    for (size_t i = 0; i < stop; ++i) {
        if (text[i] == '\n') { ++line; column = 1; } else { ++column; }
    }
    std::string message = locator.message.empty() ? "invalid JSON" : "invalid JSON: " + locator.message;
    return make_error(message, source + ":" + std::to_string(line) + ":" + std::to_string(column));
}

const char* json_type_name(const Json& value) {
    switch (value.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::boolean: return "a boolean";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float: return "a number";
        case Json::value_t::string: return "a string";
        case Json::value_t::array: return "an array";
        case Json::value_t::object: return "an object";
        default: return "an unsupported value";
    }
}

std::string JsonObjectReader::path() const {
    if (!array_path_) return path_;
    return std::string(array_path_) + "[" + std::to_string(index_) + "]";
}

Result<const Json*> JsonObjectReader::member(std::string_view key) const {
    if (!object_.is_object()) return make_error(std::string("expected an object, found ") + json_type_name(object_), path());
    auto it = object_.find(key);
    if (it == object_.end()) return make_error("required member is missing", member_path(key));
    return &*it;
}

Result<double> JsonObjectReader::number(std::string_view key) const {
    auto m = member(key);
    if (!m) return m.error();
    const Json& v = *m.value();
    if (!v.is_number()) return make_error(std::string("expected a number, found ") + json_type_name(v), member_path(key));
    const double d = v.get<double>();
    if (!std::isfinite(d)) return make_error("expected a finite number", member_path(key));
    return d;
}

Result<double> JsonObjectReader::number_in(std::string_view key, double lo, double hi) const {
    auto d = number(key);
    if (!d) return d;
    if (d.value() < lo || d.value() > hi) {
        return make_error("value " + Json(d.value()).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + " is outside [" + Json(lo).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + ", " + Json(hi).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "]",
                          member_path(key));
    }
    return d;
}

Result<std::string> JsonObjectReader::string(std::string_view key) const {
    auto m = member(key);
    if (!m) return m.error();
    const Json& v = *m.value();
    if (!v.is_string()) return make_error(std::string("expected a string, found ") + json_type_name(v), member_path(key));
    return v.get<std::string>();
}

Result<const Json*> JsonObjectReader::array(std::string_view key) const {
    auto m = member(key);
    if (!m) return m;
    if (!m.value()->is_array()) return make_error(std::string("expected an array, found ") + json_type_name(*m.value()), member_path(key));
    return m;
}

Result<const Json*> JsonObjectReader::object(std::string_view key) const {
    auto m = member(key);
    if (!m) return m;
    if (!m.value()->is_object()) return make_error(std::string("expected an object, found ") + json_type_name(*m.value()), member_path(key));
    return m;
}

}  // namespace lowsky
