#include "core/json_write.h"

#include <cmath>
#include <cstring>

#include "core/json_read.h"
#include "core/numbers.h"

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

}  // namespace lowsky
