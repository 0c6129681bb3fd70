#pragma once
// Decimal numbers in and out, exactly as the C library would read and print them, but without
// its long double: in WebAssembly strtod and printf("%f") run on software 128-bit floats and
// cost ten times what they do natively, and files are made of numbers. Both take a fast exact
// path for the numbers files hold (up to 19 digits, small exponents) and hand anything else
// to the C library, so the bytes are the same on every platform.

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lowsky {

// The double nearest to `text` (correctly rounded, as strtod), which must be a whole decimal
// number: optional sign, digits with an optional fraction, an optional exponent. nullopt when
// it is not one.
std::optional<double> parse_decimal(std::string_view text);

// digits × 10^exponent, correctly rounded as strtod gives it, when that can be worked out
// exactly in 64 and 128-bit integers and doubles (any digits with an exponent from -27 to 19);
// nothing otherwise (a subnormal, a huge or tiny exponent), for strtod to decide.
std::optional<double> exact_decimal(uint64_t digits, int exponent, bool negative);
// The same for a number at the start of [begin, end), whatever follows it: `stop` is set to
// the first byte after it. nullopt when the text does not start with one (or its exponent
// marker has no digits). Readers of delimited text parse a field in the pass that finds its end.
std::optional<double> parse_decimal_prefix(const char* begin, const char* end, const char*& stop);

// `value` with `decimals` digits after the point, as printf("%.*f") prints it (the exact binary
// value rounded half to even; "-0.00" for a negative value that rounds to zero).
std::string format_fixed(double value, int decimals);
// The same, appended to `out`.
void append_fixed(std::string& out, double value, int decimals);
// Room that write_fixed may need: printf's "%.17f" of the largest double, and its NUL.
constexpr size_t kFixedTextMax = 330;
// The same, for 0 to 17 decimals, written at `at` (with room for kFixedTextMax bytes, not
// NUL-terminated); returns the end. Writers of many numbers fill a line and append it once.
char* write_fixed(char* at, double value, int decimals);
// `value` with `significant` (1 to 17) significant digits, as printf("%.*g") prints it: fixed
// when its decimal exponent is from -4 to significant - 1, trailing zeros dropped; in printf's
// exponent form otherwise (that one by printf).
void append_general(std::string& out, double value, int significant);
// The same, written at `at` (room for kFixedTextMax bytes); returns the end.
char* write_general(char* at, double value, int significant);
// A whole number's decimal digits, appended to `out` (no temporary string).
void append_integer(std::string& out, long long value);
// The same, written at `at` (room for 20 bytes); returns the end.
char* write_integer(char* at, long long value);
// The shortest decimal that reads back as `value` (as nlohmann's dump writes it: "22.5361",
// "-0.05"), written at `at` (room for 32 bytes), for the numbers files mostly hold: 10^-3 <=
// |value| < 10^15, not whole, at most 15 significant digits. Returns the end, or nullptr for a
// value it does not take (the caller writes that one the general way). Grisu in WebAssembly
// cost more than half of a .plan export.
char* write_short_decimal(char* at, double value);

// std::round (halves away from zero) to the bit, inline: the flight profile rounds every piece
// of every flight to the millisecond and the milliwatt, and std::round is a library call natively
// and in WebAssembly. A double's whole part and the rest are exact, and so is whole + 1 below 2^52.
inline double round_half_away(double x) {
    if (!(std::abs(x) < 4503599627370496.0)) return x;  // 2^52 and beyond are whole (and inf, NaN stay)
    const double whole = double(int64_t(x));           // towards zero
    const double rest = x - whole;
    return std::copysign(rest >= 0.5 ? whole + 1 : rest <= -0.5 ? whole - 1 : whole, x);
}

// `value` rounded to `decimals` (0 to 15) places after the point: the double nearest that
// decimal, or `value` itself when it has no digits there to lose. The maths libraries natively
// (glibc) and in WebAssembly (musl) may differ in the last bit of a sine, so a position computed
// from one (a footprint's corner, a finding's place) is written rounded: the same bytes from
// the command-line tool and the browser.
double round_to_decimals(double value, int decimals);
// Decimals of degree for computed positions in lowsky's JSON: 1e-8 degree is about a millimetre.
constexpr int kComputedDegreeDecimals = 8;

}  // namespace lowsky
