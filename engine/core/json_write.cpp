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
// (lowercase) for other control characters, and every other byte as it is (valid UTF-8).
void append_escaped(std::string& out, std::string_view s) {
    static const char kHex[] = "0123456789abcdef";
    size_t plain = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s.data() + plain, i - plain);
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
    out.append(s.data() + plain, s.size() - plain);
}

// A tree's values onto the writer; false at a value JSON text cannot hold (binary, discarded:
// never in lowsky's documents), for nlohmann to write the whole.
template <class J>
bool write_tree(JsonDumpWriter& w, const J& v) {
    using Type = typename J::value_t;
    switch (v.type()) {
        case Type::null: w.value(nullptr); return true;
        case Type::boolean: w.value(v.template get<bool>()); return true;
        case Type::number_integer: w.value(static_cast<long long>(v.template get<int64_t>())); return true;
        case Type::number_unsigned: w.value(static_cast<unsigned long long>(v.template get<uint64_t>())); return true;
        case Type::number_float: w.value(v.template get<double>()); return true;
        case Type::string: w.value(v.template get_ref<const std::string&>()); return true;
        case Type::array:
            w.begin_array();
            for (const auto& e : v)
                if (!write_tree(w, e)) return false;
            w.end_array();
            return true;
        case Type::object:
            w.begin_object();
            for (auto it = v.begin(); it != v.end(); ++it) {
                w.key(it.key());
                if (!write_tree(w, it.value())) return false;
            }
            w.end_object();
            return true;
        default: return false;
    }
}

template <class J>
std::string tree_text(const J& value, int indent) {
    std::string out;
    JsonDumpWriter w(out, indent);
    if (indent >= 0 && write_tree(w, value)) return out;
    return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

void JsonDumpWriter::value(long long v) {
    item();
    append_integer(out_, v);
}

void JsonDumpWriter::value(unsigned long long v) {
    item();
    if (v > (unsigned long long)INT64_MAX) out_ += std::to_string(v);  // beyond append_integer's range
    else append_integer(out_, (long long)v);
}

void JsonDumpWriter::item() {
    if (keyed_) {
        keyed_ = false;
        return;
    }
    if (counts_.empty()) return;
    if (counts_.back()++ > 0) out_ += ',';
    out_ += '\n';
    out_.append(counts_.size() * indent_, ' ');
}

void JsonDumpWriter::open(char c) {
    item();
    out_ += c;
    counts_.push_back(0);
}

void JsonDumpWriter::close(char c) {
    const bool empty = counts_.back() == 0;
    counts_.pop_back();
    if (!empty) {
        out_ += '\n';
        out_.append(counts_.size() * indent_, ' ');
    }
    out_ += c;
}

void JsonDumpWriter::string(std::string_view v) {
    if (invalid_utf8_at(v)) {  // as dump() writes it, the bad bytes replaced
        out_ += Json(std::string(v)).dump(-1, ' ', false, Json::error_handler_t::replace);
        return;
    }
    out_ += '"';
    append_escaped(out_, v);
    out_ += '"';
}

std::string json_text(const nlohmann::json& value, int indent) { return tree_text(value, indent); }
std::string json_text(const nlohmann::ordered_json& value, int indent) { return tree_text(value, indent); }

}  // namespace lowsky
