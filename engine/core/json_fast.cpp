#include "core/json_fast.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "core/numbers.h"

namespace lowsky {

namespace {

class FastParser {
public:
    FastParser(std::string_view text, size_t max_depth) : p_(text.data()), end_(text.data() + text.size()), max_depth_(max_depth) {}

    std::optional<Json> document() {
        if (end_ - p_ >= 3 && uint8_t(p_[0]) == 0xEF && uint8_t(p_[1]) == 0xBB && uint8_t(p_[2]) == 0xBF) p_ += 3;  // UTF-8 BOM
        Json value;
        if (!parse_value(value, 0)) return std::nullopt;
        skip_space();
        if (p_ != end_) return std::nullopt;
        return value;
    }

private:
    const char* p_;
    const char* const end_;
    const size_t max_depth_;

    void skip_space() {
        while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    }

    bool literal(const char* word, size_t n) {
        if (size_t(end_ - p_) < n || std::string_view(p_, n) != std::string_view(word, n)) return false;
        p_ += n;
        return true;
    }

    bool parse_value(Json& out, size_t depth) {
        skip_space();
        if (p_ == end_) return false;
        switch (*p_) {
            case '{': return parse_object(out, depth + 1);
            case '[': return parse_array(out, depth + 1);
            case '"': {
                std::string s;
                if (!parse_string(s)) return false;
                out = std::move(s);
                return true;
            }
            case 't': out = true; return literal("true", 4);
            case 'f': out = false; return literal("false", 5);
            case 'n': out = nullptr; return literal("null", 4);
            default: return parse_number(out);
        }
    }

    bool parse_object(Json& out, size_t depth) {
        if (depth > max_depth_) return false;
        ++p_;
        out = Json::object();
        auto& object = out.get_ref<Json::object_t&>();
        skip_space();
        if (p_ != end_ && *p_ == '}') return ++p_, true;
        while (true) {
            skip_space();
            if (p_ == end_ || *p_ != '"') return false;
            std::string key;
            if (!parse_string(key)) return false;
            skip_space();
            if (p_ == end_ || *p_ != ':') return false;
            ++p_;
            Json value;
            if (!parse_value(value, depth)) return false;
            // A repeated key: the last wins, as in nlohmann. The hint makes keys that come in
            // order (as every dump writes them) cost no search.
            object.insert_or_assign(object.end(), std::move(key), std::move(value));
            skip_space();
            if (p_ == end_) return false;
            if (*p_ == ',') { ++p_; continue; }
            if (*p_ == '}') return ++p_, true;
            return false;
        }
    }

    bool parse_array(Json& out, size_t depth) {
        if (depth > max_depth_) return false;
        ++p_;
        out = Json::array();
        auto& array = out.get_ref<Json::array_t&>();
        skip_space();
        if (p_ != end_ && *p_ == ']') return ++p_, true;
        while (true) {
            array.emplace_back();
            if (!parse_value(array.back(), depth)) return false;
            skip_space();
            if (p_ == end_) return false;
            if (*p_ == ',') { ++p_; continue; }
            if (*p_ == ']') return ++p_, true;
            return false;
        }
    }

    // One UTF-8 sequence at p_ (its first byte is 0x80 or above), checked as RFC 3629 says.
    bool skip_utf8() {
        const uint8_t c = uint8_t(*p_);
        int n = 0;
        uint8_t lo = 0x80, hi = 0xBF;  // the second byte's range
        if (c >= 0xC2 && c <= 0xDF) n = 1;
        else if (c == 0xE0) n = 2, lo = 0xA0;
        else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) n = 2;
        else if (c == 0xED) n = 2, hi = 0x9F;  // no UTF-16 surrogates
        else if (c == 0xF0) n = 3, lo = 0x90;
        else if (c >= 0xF1 && c <= 0xF3) n = 3;
        else if (c == 0xF4) n = 3, hi = 0x8F;  // nothing above U+10FFFF
        else return false;
        if (end_ - p_ <= n) return false;
        const uint8_t second = uint8_t(p_[1]);
        if (second < lo || second > hi) return false;
        for (int k = 2; k <= n; ++k)
            if ((uint8_t(p_[k]) & 0xC0) != 0x80) return false;
        p_ += n + 1;
        return true;
    }

    bool hex4(uint32_t& v) {
        if (end_ - p_ < 4) return false;
        v = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = *p_++;
            v <<= 4;
            if (c >= '0' && c <= '9') v |= uint32_t(c - '0');
            else if (c >= 'a' && c <= 'f') v |= uint32_t(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') v |= uint32_t(c - 'A' + 10);
            else return false;
        }
        return true;
    }

    static void append_utf8(std::string& s, uint32_t cp) {
        if (cp < 0x80) s += char(cp);
        else if (cp < 0x800) s += char(0xC0 | (cp >> 6)), s += char(0x80 | (cp & 0x3F));
        else if (cp < 0x10000) s += char(0xE0 | (cp >> 12)), s += char(0x80 | ((cp >> 6) & 0x3F)), s += char(0x80 | (cp & 0x3F));
        else s += char(0xF0 | (cp >> 18)), s += char(0x80 | ((cp >> 12) & 0x3F)), s += char(0x80 | ((cp >> 6) & 0x3F)), s += char(0x80 | (cp & 0x3F));
    }

    bool parse_string(std::string& s) {
        ++p_;  // the opening quote
        const char* run = p_;  // bytes copied as they are, since the last escape
        while (p_ != end_) {
            const uint8_t c = uint8_t(*p_);
            if (c == '"') {
                s.append(run, p_);
                ++p_;
                return true;
            }
            if (c < 0x20) return false;
            if (c >= 0x80) {
                if (!skip_utf8()) return false;
                continue;
            }
            if (c != '\\') { ++p_; continue; }
            s.append(run, p_);
            if (++p_ == end_) return false;
            switch (*p_++) {
                case '"': s += '"'; break;
                case '\\': s += '\\'; break;
                case '/': s += '/'; break;
                case 'b': s += '\b'; break;
                case 'f': s += '\f'; break;
                case 'n': s += '\n'; break;
                case 'r': s += '\r'; break;
                case 't': s += '\t'; break;
                case 'u': {
                    uint32_t cp = 0;
                    if (!hex4(cp)) return false;
                    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate alone
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        uint32_t low = 0;
                        if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
                        p_ += 2;
                        if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    append_utf8(s, cp);
                    break;
                }
                default: return false;
            }
            run = p_;
        }
        return false;
    }

    bool digits() {
        const char* from = p_;
        while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
        return p_ != from;
    }

    // RFC 8259's number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?. Whole numbers become
    // unsigned (or signed, when negative) integers while they fit, as in nlohmann.
    bool parse_number(Json& out) {
        const char* start = p_;
        const bool negative = *p_ == '-';
        if (negative) ++p_;
        if (p_ == end_) return false;
        if (*p_ == '0') ++p_;
        else if (*p_ >= '1' && *p_ <= '9') digits();
        else return false;
        bool whole = true;
        if (p_ != end_ && *p_ == '.') {
            ++p_;
            if (!digits()) return false;
            whole = false;
        }
        if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
            ++p_;
            if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
            if (!digits()) return false;
            whole = false;
        }
        const std::string_view text(start, size_t(p_ - start));
        if (whole) {
            uint64_t v = 0;
            bool fits = true;
            for (size_t i = negative ? 1 : 0; i < text.size(); ++i) {
                const uint64_t d = uint64_t(text[i] - '0');
                if (v > (std::numeric_limits<uint64_t>::max() - d) / 10) { fits = false; break; }
                v = v * 10 + d;
            }
            if (fits && !negative) { out = v; return true; }
            if (fits && v <= uint64_t(std::numeric_limits<int64_t>::max()) + 1) {
                out = v == uint64_t(std::numeric_limits<int64_t>::max()) + 1 ? std::numeric_limits<int64_t>::min() : -int64_t(v);
                return true;
            }
        }
        const auto value = parse_decimal(text);
        if (!value || !std::isfinite(*value)) return false;  // nlohmann refuses an overflow too
        out = *value;
        return true;
    }
};

}  // namespace

std::optional<Json> parse_json_fast(std::string_view text, size_t max_depth) { return FastParser(text, max_depth).document(); }

}  // namespace lowsky
