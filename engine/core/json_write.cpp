#include "core/json_write.h"

#include <cmath>
#include <cstring>

#include "core/json_read.h"
#include "core/numbers.h"
#include "core/text.h"

namespace lowsky {

char* write_json_number(char* at, double v) {
    if (!std::isfinite(v)) {
        std::memcpy(at, "null", 4);
        return at + 4;
    }
    // A whole number below 10^15 is its digits and ".0" in the shortest form (with "-0.0" for
    // negative zero); most numbers in missions are, and grisu costs the most here.
    if (std::fabs(v) < 1e15 && v == std::floor(v)) {
        if (v == 0 && std::signbit(v)) *at++ = '-';
        at = write_integer(at, static_cast<long long>(v));
        *at++ = '.';
        *at++ = '0';
        return at;
    }
    if (char* end = write_short_decimal(at, v)) return end;
    return nlohmann::detail::to_chars(at, at + 32, v);
}

void append_json_number(std::string& out, double v) {
    char text[32];
    out.append(text, size_t(write_json_number(text, v) - text));
}

namespace {

// A string as nlohmann escapes it without ensure_ascii: the two-character escapes, \u00XX
// (lowercase) for other control characters, and every other byte as it is.
void append_escaped(std::string& out, const std::string& s) {
    static const char kHex[] = "0123456789abcdef";
    size_t plain = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s, plain, i - plain);
        plain = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: {
                const char code[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
                out.append(code, 6);
            }
        }
    }
    out.append(s, plain, std::string::npos);
}

template <class J>
bool append_tree(std::string& out, const J& v, int step, int level) {
    using Type = typename J::value_t;
    switch (v.type()) {
        case Type::null: out += "null"; return true;
        case Type::boolean: out += v.template get<bool>() ? "true" : "false"; return true;
        case Type::number_integer: append_integer(out, v.template get<int64_t>()); return true;
        case Type::number_unsigned: {
            const uint64_t u = v.template get<uint64_t>();
            if (u > uint64_t(INT64_MAX)) out += std::to_string(u);  // beyond write_integer's range
            else append_integer(out, static_cast<long long>(u));
            return true;
        }
        case Type::number_float: append_json_number(out, v.template get<double>()); return true;
        case Type::string: {
            const auto& s = v.template get_ref<const std::string&>();
            if (invalid_utf8_at(s)) return false;
            out += '"';
            append_escaped(out, s);
            out += '"';
            return true;
        }
        case Type::array:
        case Type::object: {
            const bool object = v.type() == Type::object;
            if (v.empty()) {
                out += object ? "{}" : "[]";
                return true;
            }
            out += object ? "{\n" : "[\n";
            const size_t inner = size_t(step) * size_t(level + 1);
            bool first = true;
            for (auto it = v.begin(); it != v.end(); ++it) {
                if (!first) out += ",\n";
                first = false;
                out.append(inner, ' ');
                if (object) {
                    if (invalid_utf8_at(it.key())) return false;
                    out += '"';
                    append_escaped(out, it.key());
                    out += "\": ";
                }
                if (!append_tree(out, it.value(), step, level + 1)) return false;
            }
            out += '\n';
            out.append(size_t(step) * size_t(level), ' ');
            out += object ? '}' : ']';
            return true;
        }
        default: return false;  // binary or discarded: never in lowsky's documents
    }
}

template <class J>
bool append_tree_or_nothing(std::string& out, const J& value, int indent) {
    if (indent < 0) return false;
    const size_t size = out.size();
    if (append_tree(out, value, indent, 0)) return true;
    out.resize(size);
    return false;
}

}  // namespace

bool append_json_tree(std::string& out, const nlohmann::json& value, int indent) { return append_tree_or_nothing(out, value, indent); }
bool append_json_tree(std::string& out, const nlohmann::ordered_json& value, int indent) { return append_tree_or_nothing(out, value, indent); }

}  // namespace lowsky
