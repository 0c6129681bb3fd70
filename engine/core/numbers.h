#pragma once
// Decimal numbers in and out, exactly as the C library would read and print them, but without
// its long double: in WebAssembly strtod and printf("%f") run on software 128-bit floats and
// cost ten times what they do natively, and files are made of numbers. Both take a fast exact
// path for the numbers files hold (up to 19 digits, small exponents) and hand anything else
// to the C library, so the bytes are the same on every platform.

#include <optional>
#include <string>
#include <string_view>

namespace lowsky {

// The double nearest to `text` (correctly rounded, as strtod), which must be a whole decimal
// number: optional sign, digits with an optional fraction, an optional exponent. nullopt when
// it is not one.
std::optional<double> parse_decimal(std::string_view text);

// `value` with `decimals` digits after the point, as printf("%.*f") prints it (the exact binary
// value rounded half to even; "-0.00" for a negative value that rounds to zero).
std::string format_fixed(double value, int decimals);
// The same, appended to `out`.
void append_fixed(std::string& out, double value, int decimals);
// A whole number's decimal digits, appended to `out` (no temporary string).
void append_integer(std::string& out, long long value);

}  // namespace lowsky
