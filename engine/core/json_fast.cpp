#include "core/json_fast.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>

#include "core/numbers.h"

namespace lowsky {

namespace {

// Eight bytes at a time ("SWAR"): each test below marks, in a word read from the text, the
// bytes it is after; the first marked byte is exact (a borrow or carry only ever moves up,
// from a byte that is itself marked). A byte's place in the word is its place in the text on
// a little-endian machine (x86 and WebAssembly); elsewhere the byte loops do all the work.
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
constexpr bool kWords = true;
#else
constexpr bool kWords = false;
#endif
constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;

uint64_t load8(const char* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
}
uint64_t zero_bytes(uint64_t w) { return (w - kOnes) & ~w & kHighs; }
// The place of the first byte that is not zero (the word is not zero).
size_t first_marked(uint64_t mask) { return size_t(__builtin_ctzll(mask)) / 8; }
// The bytes that end a plain run of a string: a quote, a backslash, a control character, or
// the first byte of a multi-byte character (checked the slow way).
uint64_t string_stops(uint64_t w) {
    return zero_bytes(w ^ (kOnes * '"')) | zero_bytes(w ^ (kOnes * '\\')) | ((w - kOnes * 0x20) & ~w & kHighs) | (w & kHighs);
}
// The bytes that are not ASCII digits.
uint64_t non_digits(uint64_t w) {
    return ((w & (kOnes * 0xF0)) ^ (kOnes * 0x30)) | (((w + kOnes * 0x06) & (kOnes * 0xF0)) ^ (kOnes * 0x30));
}
// The value of the first `n` (1 to 8) digits of w: shifted up so that the bytes below are
// zeros, leading zeros of an eight-digit number, then paired, paired again and again.
uint64_t digits_value(uint64_t w, size_t n) {
    w = (w & (kOnes * 0x0F)) << (8 * (8 - n));
    w = (w * 2561) >> 8;
    w = ((w & 0x00FF00FF00FF00FFull) * 6553601) >> 16;
    return ((w & 0x0000FFFF0000FFFFull) * 42949672960001ull) >> 32;
}
constexpr uint64_t kPowersOfTen[9] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};

}  // namespace

std::optional<Json> parse_json_fast(std::string_view text, size_t max_depth) {
    JsonScanner scanner(text, max_depth);
    scanner.skip_bom();
    Json value;
    if (!scanner.value(value, 0) || !scanner.at_end()) return std::nullopt;
    return value;
}

void JsonScanner::skip_bom() {
    if (end_ - p_ >= 3 && uint8_t(p_[0]) == 0xEF && uint8_t(p_[1]) == 0xBB && uint8_t(p_[2]) == 0xBF) p_ += 3;
}

void JsonScanner::skip_space() {
    // An indented file is mostly runs of spaces: they go eight at a time, and the spaces
    // before the end of a run all at once.
    constexpr uint64_t kEightSpaces = kOnes * ' ';
    const char* p = p_;
    while (true) {
        if (kWords && end_ - p >= 8) {
            const uint64_t other = load8(p) ^ kEightSpaces;
            if (other == 0) {
                p += 8;
                continue;
            }
            p += first_marked(other);  // its spaces are zero bytes: the first that is not, ends them
        }
        if (p == end_ || (*p != ' ' && *p != '\n' && *p != '\r' && *p != '\t')) break;
        ++p;
    }
    p_ = p;
}

bool JsonScanner::literal(const char* word, size_t n) {
    if (size_t(end_ - p_) < n || std::string_view(p_, n) != std::string_view(word, n)) return false;
    p_ += n;
    return true;
}

bool JsonScanner::value(Json& out, size_t depth) { return any_value<true>(&out, depth); }
bool JsonScanner::skip_value(size_t depth) { return any_value<false>(nullptr, depth); }

bool JsonScanner::boolean(bool& out) {
    const char c = peek();
    if (c == 't') return out = true, literal("true", 4);
    if (c == 'f') return out = false, literal("false", 5);
    return false;
}

template <bool Build>
bool JsonScanner::any_value(Json* out, size_t depth) {
    switch (peek()) {
        case 0: return false;
        case '{': return object<Build>(out, depth + 1);
        case '[': return array<Build>(out, depth + 1);
        case '"': {
            if constexpr (Build) {
                std::string s;
                if (!string(s)) return false;
                *out = std::move(s);
                return true;
            } else {
                return string_body<false>(nullptr);
            }
        }
        case 't': if constexpr (Build) *out = true; return literal("true", 4);
        case 'f': if constexpr (Build) *out = false; return literal("false", 5);
        case 'n': if constexpr (Build) *out = nullptr; return literal("null", 4);
        default: {
            if constexpr (Build) {
                Number n;
                if (!number(n)) return false;
                if (n.kind == Number::Unsigned) *out = n.u;
                else if (n.kind == Number::Signed) *out = n.i;
                else *out = n.d;
                return true;
            } else {
                return scan_number<false>(nullptr);
            }
        }
    }
}

template <bool Build>
bool JsonScanner::object(Json* out, size_t depth) {
    if (depth > max_depth_) return false;
    ++p_;
    Json::object_t* object = nullptr;
    if constexpr (Build) {
        *out = Json::object();
        object = &out->get_ref<Json::object_t&>();
    }
    if (take('}')) return true;
    while (true) {
        if (peek() != '"') return false;
        std::string key;
        if constexpr (Build) {
            if (!string(key)) return false;
        } else {
            if (!string_body<false>(nullptr)) return false;
        }
        if (!take(':')) return false;
        if constexpr (Build) {
            Json value;
            if (!any_value<true>(&value, depth)) return false;
            // A repeated key: the last wins, as in nlohmann. The hint makes keys that come in
            // order (as every dump writes them) cost no search.
            object->insert_or_assign(object->end(), std::move(key), std::move(value));
        } else {
            if (!any_value<false>(nullptr, depth)) return false;
        }
        if (take(',')) continue;
        return take('}');
    }
}

template <bool Build>
bool JsonScanner::array(Json* out, size_t depth) {
    if (depth > max_depth_) return false;
    ++p_;
    Json::array_t* array = nullptr;
    if constexpr (Build) {
        *out = Json::array();
        array = &out->get_ref<Json::array_t&>();
    }
    if (take(']')) return true;
    while (true) {
        if constexpr (Build) {
            array->emplace_back();
            if (!any_value<true>(&array->back(), depth)) return false;
        } else {
            if (!any_value<false>(nullptr, depth)) return false;
        }
        if (take(',')) continue;
        return take(']');
    }
}

// One UTF-8 sequence at p_ (its first byte is 0x80 or above), checked as RFC 3629 says.
bool JsonScanner::skip_utf8() {
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

bool JsonScanner::hex4(uint32_t& v) {
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

namespace {
void append_utf8(std::string& s, uint32_t cp) {
    if (cp < 0x80) s += char(cp);
    else if (cp < 0x800) s += char(0xC0 | (cp >> 6)), s += char(0x80 | (cp & 0x3F));
    else if (cp < 0x10000) s += char(0xE0 | (cp >> 12)), s += char(0x80 | ((cp >> 6) & 0x3F)), s += char(0x80 | (cp & 0x3F));
    else s += char(0xF0 | (cp >> 18)), s += char(0x80 | ((cp >> 12) & 0x3F)), s += char(0x80 | ((cp >> 6) & 0x3F)), s += char(0x80 | (cp & 0x3F));
}
}  // namespace

bool JsonScanner::string(std::string& out) {
    if (peek() != '"') return false;
    return string_body<true>(&out);
}

bool JsonScanner::string_view(std::string& scratch, std::string_view& out) {
    if (peek() != '"') return false;
    // Most strings have no escape: they are the bytes between the quotes, checked as UTF-8.
    const char* from = p_ + 1;
    const char* q = from;
    while (kWords && end_ - q >= 8) {
        const uint64_t stops = string_stops(load8(q));
        if (stops) {
            q += first_marked(stops);
            break;
        }
        q += 8;
    }
    while (q != end_ && *q != '"' && *q != '\\' && uint8_t(*q) >= 0x20 && uint8_t(*q) < 0x80) ++q;
    if (q != end_ && *q == '"') {
        out = std::string_view(from, size_t(q - from));
        p_ = q + 1;
        return true;
    }
    scratch.clear();
    if (!string_body<true>(&scratch)) return false;
    out = scratch;
    return true;
}

template <bool Build>
bool JsonScanner::string_body(std::string* s) {
    ++p_;  // the opening quote
    const char* run = p_;  // bytes copied as they are, since the last escape
    while (p_ != end_) {
        const uint8_t c = uint8_t(*p_);
        if (c == '"') {
            if constexpr (Build) s->append(run, p_);
            ++p_;
            return true;
        }
        if (c < 0x20) return false;
        if (c >= 0x80) {
            if (!skip_utf8()) return false;
            continue;
        }
        if (c != '\\') { ++p_; continue; }
        if constexpr (Build) s->append(run, p_);
        if (++p_ == end_) return false;
        char plain = 0;
        switch (*p_++) {
            case '"': plain = '"'; break;
            case '\\': plain = '\\'; break;
            case '/': plain = '/'; break;
            case 'b': plain = '\b'; break;
            case 'f': plain = '\f'; break;
            case 'n': plain = '\n'; break;
            case 'r': plain = '\r'; break;
            case 't': plain = '\t'; break;
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
                if constexpr (Build) append_utf8(*s, cp);
                break;
            }
            default: return false;
        }
        if constexpr (Build) {
            if (plain) *s += plain;
        }
        run = p_;
    }
    return false;
}

// RFC 8259's number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?. Whole numbers become
// unsigned (or signed, when negative) integers while they fit, as in nlohmann. The digits are
// gathered as they are checked: most numbers in a file need no second look.
bool JsonScanner::number(Number& out) { return scan_number<true>(&out); }

template <bool Convert>
bool JsonScanner::scan_number(Number* out_ptr) {
    skip_space();
    const char* p = p_;  // a local copy: the loops below keep it in a register
    const char* const start = p;
    if (p == end_) return false;
    const bool negative = *p == '-';
    if (negative) ++p;
    if (p == end_) return false;
    uint64_t digits = 0;  // the first 19 significant digits; more (`many`) go the slow way
    int significant = 0, exponent = 0;
    bool many = false, whole = true;
    const auto is_digit = [&p, this] { return p != end_ && *p >= '0' && *p <= '9'; };
    // Up to eight digits at once while they keep within 19 (zeros before the first significant
    // one are counted too: that only sends a rare number the exact slow way). True when all
    // eight were digits, so that more may follow.
    const auto take_eight = [&](bool fraction = false) {
        if (!kWords || end_ - p < 8) return false;
        const uint64_t w = load8(p);
        const uint64_t stops = non_digits(w);
        const size_t n = stops ? first_marked(stops) : 8;
        if (n == 0 || significant + int(n) > 19) return false;
        digits = digits * kPowersOfTen[n] + digits_value(w, n);
        significant += int(n);
        if (fraction) exponent -= int(n);
        p += n;
        return n == 8;
    };
    if (*p == '0') {
        ++p;
    } else if (is_digit()) {
        while (true) {
            if (take_eight()) continue;
            if (!is_digit()) break;
            if (significant < 19) digits = digits * 10 + uint64_t(*p - '0'), ++significant;
            else many = true;
            ++p;
        }
    } else {
        return false;
    }
    if (p != end_ && *p == '.') {
        const char* from = ++p;
        while (true) {
            if (take_eight(true)) continue;
            if (!is_digit()) break;
            if (digits == 0 && *p == '0') --exponent;  // zeros before the first significant digit
            else if (significant < 19) digits = digits * 10 + uint64_t(*p - '0'), ++significant, --exponent;
            else many = true;
            ++p;
        }
        if (p == from) return false;
        whole = false;
    }
    if (p != end_ && (*p == 'e' || *p == 'E')) {
        ++p;
        bool minus = false;
        if (p != end_ && (*p == '+' || *p == '-')) minus = *p++ == '-';
        const char* from = p;
        int e = 0;
        for (; is_digit(); ++p) e = e < 100000 ? e * 10 + (*p - '0') : e;
        if (p == from) return false;
        exponent += minus ? -e : e;
        whole = false;
    }
    p_ = p;
    // Skipped, a number needs its value only to be refused as nlohmann refuses it: beyond a
    // double's range. With 19 digits or fewer times 10^289 or less it cannot be.
    if constexpr (!Convert) {
        if (!many && exponent <= 289) return true;
    }
    Number local;
    Number& out = Convert ? *out_ptr : local;
    constexpr uint64_t kInt64Max = uint64_t(std::numeric_limits<int64_t>::max());
    if (whole && !many) {  // 19 digits at most: they fit in 64 bits
        if (!negative) {
            out.kind = Number::Unsigned, out.u = digits, out.d = double(digits);
            return true;
        }
        if (digits <= kInt64Max) {
            out.kind = Number::Signed, out.i = -int64_t(digits), out.d = double(out.i);
            return true;
        }
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
        if (fits && !negative) {
            out.kind = Number::Unsigned, out.u = v, out.d = double(v);
            return true;
        }
        if (fits && v <= kInt64Max + 1) {
            out.kind = Number::Signed;
            out.i = v == kInt64Max + 1 ? std::numeric_limits<int64_t>::min() : -int64_t(v);
            out.d = double(out.i);
            return true;
        }
    } else if (!many) {
        if (const auto exact = exact_decimal(digits, exponent, negative)) {
            out.kind = Number::Float, out.d = *exact;
            return true;
        }
    }
    const auto value = parse_decimal(text);
    if (!value || !std::isfinite(*value)) return false;  // nlohmann refuses an overflow too
    out.kind = Number::Float, out.d = *value;
    return true;
}

}  // namespace lowsky
