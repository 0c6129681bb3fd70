#include "core/numbers.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace lowsky {

namespace {

// Powers of ten that a double holds exactly (10^22 is the last).
constexpr double kExactPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
constexpr uint64_t kPow10[] = {1ull, 10ull, 100ull, 1000ull, 10000ull, 100000ull, 1000000ull, 10000000ull, 100000000ull,
                               1000000000ull, 10000000000ull, 100000000000ull, 1000000000000ull, 10000000000000ull,
                               100000000000000ull, 1000000000000000ull, 10000000000000000ull, 100000000000000000ull};

double strtod_of(std::string_view text) {
    char small[64];
    if (text.size() < sizeof small) {
        std::memcpy(small, text.data(), text.size());
        small[text.size()] = '\0';
        return std::strtod(small, nullptr);
    }
    const std::string copy(text);
    return std::strtod(copy.c_str(), nullptr);
}

__extension__ typedef unsigned __int128 u128;  // GCC and clang, natively and in WebAssembly

int bit_length(u128 v) {
    int n = 0;
    while (v >> 64) v >>= 64, n += 64;
    uint64_t x = uint64_t(v);
    while (x) x >>= 1, ++n;
    return n;
}

// digits * 10^exponent correctly rounded (half to even), in integers: the digits times 10^e
// when e >= 0, else the digits over 5^-e (shifted left first, to keep 54 bits or more of the
// quotient) and over 2^-e. 0 when the result would not be a normal double (strtod decides).
double exact_quotient(uint64_t digits, int exponent) {
    u128 q = 0;
    int binary = 0;  // value = (q + a little, when sticky) * 2^binary
    bool sticky = false;
    if (exponent >= 0) {
        q = u128(digits) * kPow10[exponent > 17 ? 17 : exponent];
        for (int e = 17; e < exponent; ++e) q *= 10;  // 10^18, 10^19: still below 2^128 with 19 digits
    } else {
        uint64_t five = 1;
        for (int e = 0; e < -exponent; ++e) five *= 5;  // 5^27 < 2^63
        const int shift = std::max(0, 55 + bit_length(five) - bit_length(digits));
        const u128 scaled = u128(digits) << shift;
        q = scaled / five;
        sticky = scaled - q * five != 0;
        binary = exponent - shift;  // divided by 2^-exponent, and by the 2^shift put in
    }
    // Keep 54 bits: 53 for the mantissa and one to round on.
    const int excess = bit_length(q) - 54;
    if (excess > 0) {
        sticky = sticky || (q & ((u128(1) << excess) - 1)) != 0;
        q >>= excess;
        binary += excess;
    } else if (excess < 0) {
        q <<= -excess;  // exact: nothing below
        binary += excess;
    }
    uint64_t mantissa = uint64_t(q >> 1);
    const bool half = (q & 1) != 0;
    binary += 1;
    if (half && (sticky || (mantissa & 1))) {
        if (++mantissa == (uint64_t(1) << 53)) mantissa >>= 1, ++binary;
    }
    const double v = std::ldexp(double(mantissa), binary);
    return std::isnormal(v) ? v : 0.0;
}

// |value| * 10^decimals rounded half to even, exactly: |value| = m * 2^e with m < 2^53, so the
// product is m * 10^d * 2^e, in 128-bit integers.
u128 scaled_exactly(double magnitude, int decimals) {
    int e = 0;
    const double fraction = std::frexp(magnitude, &e);  // magnitude = fraction * 2^e, fraction in [0.5, 1)
    const uint64_t m = uint64_t(std::ldexp(fraction, 53));  // exact: 53 bits
    e -= 53;
    const u128 scaled = u128(m) * kPow10[decimals];  // < 2^53 * 10^17 < 2^110
    if (e >= 0) return scaled << e;                  // magnitude < 1e15 keeps e small here
    const int s = -e;
    if (s >= 120) return 0;                          // far below half a unit of the last decimal
    u128 q = scaled >> s;
    const u128 rest = scaled - (q << s), half = u128(1) << (s - 1);
    if (rest > half || (rest == half && (q & 1))) ++q;
    return q;
}

// Dekker's exact product: a * b == p + e exactly (no overflow here). Written without fused
// multiply-add, which WebAssembly lacks; the builds contract nothing into one.
void two_product(double a, double b, double& p, double& e) {
    p = a * b;
    constexpr double split = 134217729.0;  // 2^27 + 1
    double t = split * a;
    const double ah = t - (t - a), al = a - ah;
    t = split * b;
    const double bh = t - (t - b), bl = b - bh;
    e = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

// Digits are made eight at a time from 32-bit chunks: WebAssembly has no 64-bit multiply-high,
// so dividing a 64-bit number by 10 is a real division there (tens of cycles), where natively
// it is a multiplication. Text is built in a local buffer and appended once.

// The `count` digits of v (< 10^count, leading zeros kept) written backwards from `end`.
char* fixed_digits_before(char* end, uint64_t v, int count) {
    for (; count >= 8; count -= 8) {
        uint32_t chunk = uint32_t(v % 100000000u);
        v /= 100000000u;
        for (int i = 0; i < 8; ++i) *--end = char('0' + chunk % 10), chunk /= 10;
    }
    uint32_t rest = uint32_t(v);
    for (int i = 0; i < count; ++i) *--end = char('0' + rest % 10), rest /= 10;
    return end;
}

// How many decimal digits v has.
int digit_count(uint64_t v) {
    int n = 1;
    for (uint64_t limit = 10; n < 20 && v >= limit; limit *= 10) ++n;
    return n;
}

// v's decimal digits written backwards from `end`; returns where they start.
char* digits_before(char* end, uint64_t v) {
    while (v >= 100000000u) {
        end = fixed_digits_before(end, v % 100000000u, 8);
        v /= 100000000u;
    }
    uint32_t rest = uint32_t(v);
    do *--end = char('0' + rest % 10), rest /= 10; while (rest != 0);
    return end;
}

}  // namespace

std::optional<double> exact_decimal(uint64_t digits, int exponent, bool negative) {
    // Clinger's fast path: the digits and the power of ten are both exact doubles, so one
    // multiplication or division rounds correctly, as strtod would.
    if (digits <= (uint64_t(1) << 53) && exponent >= -22 && exponent <= 22) {
        double v = double(digits);
        v = exponent < 0 ? v / kExactPowers[-exponent] : v * kExactPowers[exponent];
        return negative ? -v : v;
    }
    if (digits == 0) return negative ? -0.0 : 0.0;
    // 17 to 19 digits (coordinates written in full), in integers.
    if (exponent >= -27 && exponent <= 19) {
        const double v = exact_quotient(digits, exponent);
        if (v != 0) return negative ? -v : v;
    }
    return std::nullopt;
}

std::optional<double> parse_decimal_prefix(const char* begin, const char* end, const char*& stop) {
    const char* p = begin;
    stop = begin;
    const bool negative = p != end && (*p == '-' || *p == '+') && *p++ == '-';
    uint64_t digits = 0;
    int significant = 0, exponent = 0;
    bool any = false;
    for (; p != end && *p >= '0' && *p <= '9'; ++p) {
        any = true;
        if (digits == 0 && *p == '0') continue;  // leading zeros
        if (significant < 19) digits = digits * 10 + uint64_t(*p - '0'), ++significant;
        else ++exponent, significant = 20;        // too many digits: the slow path decides
    }
    if (p != end && *p == '.') {
        ++p;
        for (; p != end && *p >= '0' && *p <= '9'; ++p) {
            any = true;
            if (digits == 0 && *p == '0') { --exponent; continue; }
            if (significant < 19) digits = digits * 10 + uint64_t(*p - '0'), ++significant, --exponent;
            else significant = 20;
        }
    }
    if (!any) return std::nullopt;
    if (p != end && (*p == 'e' || *p == 'E')) {
        ++p;
        const bool minus = p != end && (*p == '-' || *p == '+') && *p++ == '-';
        if (p == end || *p < '0' || *p > '9') return std::nullopt;
        int e = 0;
        for (; p != end && *p >= '0' && *p <= '9'; ++p) e = e < 100000 ? e * 10 + (*p - '0') : e;
        exponent += minus ? -e : e;
    }
    stop = p;
    if (significant <= 19)
        if (const auto exact = exact_decimal(digits, exponent, negative)) return exact;
    return strtod_of(std::string_view(begin, size_t(p - begin)));
}

std::optional<double> parse_decimal(std::string_view text) {
    const char* stop = nullptr;
    const auto v = parse_decimal_prefix(text.data(), text.data() + text.size(), stop);
    if (!v || stop != text.data() + text.size()) return std::nullopt;
    return v;
}

char* write_fixed(char* at, double value, int decimals) {
    decimals = std::min(std::max(decimals, 0), 17);
    // Exact paths for what files hold; large values go to printf.
    if (!std::isfinite(value) || std::fabs(value) >= 1e15) {
        const int n = std::snprintf(at, kFixedTextMax, "%.*f", decimals, value);
        return at + std::min(std::max(n, 0), int(kFixedTextMax) - 1);
    }
    const double magnitude = std::fabs(value);
    const double scale = kExactPowers[decimals];
    uint64_t whole = 0, part = 0;
    const uint64_t pow = kPow10[decimals];
    if (magnitude * scale < 4503599627370496.0) {  // 2^52
        // Doubles only: y + err is |value| * 10^d exactly (Dekker's product), and rounding it
        // half to even needs only exact comparisons. No 128-bit library calls in WebAssembly.
        double y = 0, err = 0;
        two_product(magnitude, scale, y, err);
        const double n = std::floor(y);
        const double above_half = (y - n) - 0.5;  // exact: y < 2^52
        uint64_t rounded = uint64_t(n);
        if (above_half > -err || (above_half == -err && (rounded & 1))) ++rounded;
        whole = rounded / pow;
        part = rounded % pow;
    } else {
        const u128 q = scaled_exactly(magnitude, decimals);
        const bool fits = (q >> 64) == 0;  // 128-bit division is a slow library call in WebAssembly
        whole = fits ? uint64_t(q) / pow : uint64_t(q / pow);
        part = fits ? uint64_t(q) % pow : uint64_t(q % pow);
    }
    if (std::signbit(value)) *at++ = '-';
    at += digit_count(whole);
    digits_before(at, whole);
    if (decimals > 0) {
        *at++ = '.';
        at += decimals;
        fixed_digits_before(at, part, decimals);
    }
    return at;
}

void append_fixed(std::string& out, double value, int decimals) {
    if (decimals < 0 || decimals > 17) {  // beyond what write_fixed takes: printf, as it always did
        char text[512];
        std::snprintf(text, sizeof text, "%.*f", decimals, value);
        out += text;
        return;
    }
    char text[kFixedTextMax];
    out.append(text, size_t(write_fixed(text, value, decimals) - text));
}

char* write_short_decimal(char* at, double value) {
    const double magnitude = std::fabs(value);
    if (!(magnitude >= 1e-3 && magnitude < 1e15)) return nullptr;
    uint64_t bits = 0;
    std::memcpy(&bits, &magnitude, sizeof bits);
    if ((bits & ((uint64_t(1) << 52) - 1)) == 0) return nullptr;  // a power of two: its interval is lopsided
    const uint64_t ulp_bits = ((bits >> 52) - 52) << 52;            // 2^(exponent - 52): one unit in the last place
    double ulp = 0;
    std::memcpy(&ulp, &ulp_bits, sizeof ulp);
    // The nearest decimal with 15 significant digits, n / 10^d. Those are more than two ulps
    // apart, so if any decimal of 15 digits or fewer reads back as `value`, it is this one with
    // its trailing zeros dropped, and it is the only one of its length: the shortest. It must be
    // inside the interval that rounds to `value` by a margin, since the general writer's interval
    // is a hair narrower; nearer the edge is left to it.
    int d = 17;
    while (d > 0 && magnitude * kExactPowers[d] >= 1e15) --d;
    const double scale = kExactPowers[d];
    double y = 0, err = 0;
    two_product(magnitude, scale, y, err);  // y + err == magnitude * 10^d exactly, y < 10^15
    const uint64_t below = uint64_t(y);     // floor
    const double above_below = (y - double(below)) + err, under_next = (double(below) + 1 - y) - err;
    const bool up = under_next < above_below;
    const double distance = std::fabs(up ? under_next : above_below), half = 0.5 * ulp * scale;
    if (distance > half * (1 - 1.0 / 64)) return nullptr;  // 16 or 17 digits, or too near the edge
    const uint64_t n = below + (up ? 1 : 0), whole = n / kPow10[d], fraction = n % kPow10[d];
    if (std::signbit(value)) *at++ = '-';
    at = write_integer(at, static_cast<long long>(whole));
    *at++ = '.';
    char* const first = at;
    at += d;
    fixed_digits_before(at, fraction, d);
    while (at > first && at[-1] == '0') --at;
    return at > first ? at : nullptr;  // no fraction left: a whole number, which is not taken here
}

char* write_integer(char* at, long long v) {
    const unsigned long long magnitude = v < 0 ? 0ull - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v);
    if (v < 0) *at++ = '-';
    at += digit_count(magnitude);
    digits_before(at, magnitude);
    return at;
}

void append_integer(std::string& out, long long v) {
    char text[24];
    out.append(text, size_t(write_integer(text, v) - text));
}

char* write_general(char* at, double value, int significant) {
    const int p = std::min(std::max(significant, 1), 17);
    // printf's exponent X is that of the value rounded to p digits. Guess it from log10, write
    // the value fixed with p - 1 - X decimals, and count the digits that came out: p + 1 means
    // the guess was low (or the rounding carried into a new digit), p - 1 that it was high.
    if (std::isfinite(value) && value != 0) {
        int x = int(std::floor(std::log10(std::fabs(value))));
        for (int attempt = 0; attempt < 3 && x >= -4 && x < p; ++attempt) {
            char* const end = write_fixed(at, value, p - 1 - x);
            int digits = 0;
            bool leading = true;
            for (const char* c = at; c < end; ++c) {
                if (*c < '0' || *c > '9') continue;
                if (*c != '0') leading = false;
                if (!leading) ++digits;
            }
            if (digits == p + 1) { ++x; continue; }
            if (digits == p - 1) { --x; continue; }
            if (digits != p) break;
            char* last = end;
            if (p - 1 - x > 0) {  // trailing zeros of the fraction, then a bare point, dropped
                while (last[-1] == '0') --last;
                if (last[-1] == '.') --last;
            }
            return last;
        }
    }
    const int n = std::snprintf(at, kFixedTextMax, "%.*g", p, value);
    return at + std::min(std::max(n, 0), int(kFixedTextMax) - 1);
}

void append_general(std::string& out, double value, int significant) {
    char text[kFixedTextMax];
    out.append(text, size_t(write_general(text, value, significant) - text));
}

std::string format_fixed(double value, int decimals) {
    std::string out;
    append_fixed(out, value, decimals);
    return out;
}

double round_to_decimals(double value, int decimals) {
    static constexpr double kPowers[16] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    const double scale = kPowers[std::clamp(decimals, 0, 15)];
    const double scaled = value * scale;
    // Beyond 2^52 every double is whole: nothing to round (and NaN and the infinities pass).
    if (!(std::abs(scaled) < 4503599627370496.0)) return value;
    return std::round(scaled) / scale + 0.0;  // + 0.0: no "-0.0"
}

}  // namespace lowsky
