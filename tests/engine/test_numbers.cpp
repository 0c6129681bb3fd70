// The fast number and JSON readers against the C library and nlohmann, which are the reference:
// every value must come out bit for bit (numbers) or dump for dump (documents) the same.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include "core/json_fast.h"
#include "core/json_write.h"
#include "core/numbers.h"
#include "fixtures.h"

using namespace lowsky;

namespace {

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

std::string printf_fixed(double v, int decimals) {
    char text[512];
    std::snprintf(text, sizeof text, "%.*f", decimals, v);
    return text;
}

// A random double over many magnitudes, both signs.
double random_double(std::mt19937_64& rng) {
    std::uniform_real_distribution<double> mantissa(-1, 1);
    std::uniform_int_distribution<int> exponent(-30, 40);
    return std::ldexp(mantissa(rng), exponent(rng));
}

}  // namespace

TEST_CASE("parse_decimal reads every number as strtod does, bit for bit", "[numbers]") {
    for (const char* text : {"0", "-0", "1", "-1", "0.1", "22.5361200", "113.8874400", "1e22", "1e23", "9007199254740992", "9007199254740993",
                             "1e-400", "1e-320", "4.9406564584124654e-324", "1.7976931348623157e308", "123456789012345678901234",
                             "0.000000000000000000000000001", "12345678901234567890.5", "-80.25", "1E5", "2.5e-3", "+7"}) {
        INFO(text);
        const auto v = parse_decimal(text);
        REQUIRE(v.has_value());
        CHECK(same_bits(*v, std::strtod(text, nullptr)));
    }
    std::mt19937_64 rng(11);
    const char* formats[] = {"%.17g", "%.7f", "%.2f", "%.1f", "%e", "%.3e", "%.12f", "%.0f"};
    int checked = 0;
    for (int i = 0; i < 200000; ++i) {
        char text[128];
        std::snprintf(text, sizeof text, formats[i % 8], random_double(rng));
        const auto v = parse_decimal(text);
        REQUIRE(v.has_value());
        if (!same_bits(*v, std::strtod(text, nullptr))) FAIL(text);
        ++checked;
    }
    CHECK(checked == 200000);
    for (const char* bad : {"", "-", ".", "1e", "e5", "1.2.3", "0x10", "nan", "inf", " 1", "1 "}) CHECK_FALSE(parse_decimal(bad).has_value());
}

TEST_CASE("parse_decimal_prefix reads the number a field starts with and says where it stops", "[numbers]") {
    struct Case { const char* text; size_t stop; double value; };
    for (const Case& c : {Case{"22.5\t1", 4, 22.5}, Case{"-0.125\n", 6, -0.125}, Case{"7", 1, 7}, Case{"1e3x", 3, 1000}, Case{"5.\t", 2, 5},
                          Case{"12345678901234567890123\t", 23, 12345678901234567890123.0}}) {
        INFO(c.text);
        const char* stop = nullptr;
        const char* end = c.text + std::strlen(c.text);
        const auto v = parse_decimal_prefix(c.text, end, stop);
        REQUIRE(v.has_value());
        CHECK(size_t(stop - c.text) == c.stop);
        CHECK(same_bits(*v, c.value));
    }
    for (const char* bad : {"", "\t1", "-\t", ".", "1e\t", "x1"}) {
        const char* stop = nullptr;
        CHECK_FALSE(parse_decimal_prefix(bad, bad + std::strlen(bad), stop).has_value());
    }
}

TEST_CASE("append_integer writes what std::to_string writes", "[numbers]") {
    auto ours = [](long long v) { std::string s; append_integer(s, v); return s; };
    for (long long v : {0LL, 7LL, -7LL, 9LL, 10LL, 99999999LL, 100000000LL, -100000001LL, 9223372036854775807LL, -9223372036854775807LL - 1})
        CHECK(ours(v) == std::to_string(v));
    std::mt19937_64 rng(19);
    for (int i = 0; i < 100000; ++i) {
        const long long v = static_cast<long long>(rng()) >> (rng() % 64);
        if (ours(v) != std::to_string(v)) FAIL(std::to_string(v) << " written " << ours(v));
    }
}

TEST_CASE("append_json_number writes what nlohmann's dump writes", "[numbers][json]") {
    auto ours = [](double v) { std::string s; append_json_number(s, v); return s; };
    for (double v : {0.0, -0.0, 1.0, -1.0, 100.0, 60.0, 1e15 - 1, 1e15, -1e15 + 1, 1e16, 0.1, 22.3040123, 113.5, -7.25, 1e-5, 5e-324, 1.7976931348623157e308,
                     9007199254740993.0, double(NAN), double(INFINITY)})
        CHECK(ours(v) == Json(v).dump());
    std::mt19937_64 rng(17);
    for (int i = 0; i < 100000; ++i) {
        const double any = random_double(rng);
        const double whole = std::round(any);
        if (ours(any) != Json(any).dump()) FAIL(Json(any).dump() << " written " << ours(any));
        if (ours(whole) != Json(whole).dump()) FAIL(Json(whole).dump() << " written " << ours(whole));
    }
}

TEST_CASE("Short decimals are written as nlohmann's dump writes them", "[numbers][json]") {
    // What mission files hold: degrees to 7 decimals, heights to 2, and decimals of every length
    // from 1 to 17 significant digits over many magnitudes, both signs.
    auto ours = [](double v) { std::string s; append_json_number(s, v); return s; };
    std::mt19937_64 rng(23);
    std::uniform_real_distribution<double> unit(0, 1);
    size_t short_path = 0;
    for (int i = 0; i < 300000; ++i) {
        const double lat = std::round((20 + 5 * unit(rng)) * 1e7) / 1e7, alt = std::round(unit(rng) * 1.2e4) / 100;
        const int digits = 1 + int(rng() % 17), exponent = int(rng() % 22) - 6;
        const double decimal = std::strtod((std::to_string(rng() % 100000000000000000ull).substr(0, size_t(digits)) + "e" + std::to_string(exponent - digits)).c_str(), nullptr);
        for (double v : {lat, -lat, alt, decimal, -decimal}) {
            if (ours(v) != Json(v).dump()) FAIL(Json(v).dump() << " written " << ours(v));
            char text[32];
            short_path += write_short_decimal(text, v) != nullptr;
        }
    }
    // The short path takes most of them (the rest go to the general writer).
    CHECK(short_path > 1000000);
    char text[32];
    CHECK(write_short_decimal(text, 0.1 + 0.2) == nullptr);  // 17 digits
    CHECK(write_short_decimal(text, 0.5) == nullptr);        // a power of two
    CHECK(write_short_decimal(text, 12.0) == nullptr);       // whole
    CHECK(std::string(text, write_short_decimal(text, -113.8874401)) == "-113.8874401");
    CHECK(std::string(text, write_short_decimal(text, 0.001)) == "0.001");
}

TEST_CASE("round_half_away rounds as std::round does, to the bit", "[numbers]") {
    const auto same_bits = [](double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0 || (std::isnan(a) && std::isnan(b)); };
    // Halves both ways, the largest double below a half, negative zero, the edge at 2^52, and beyond.
    const double cases[] = {0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994, 0.2, -0.2,
                            4503599627370495.5, -4503599627370495.5, 4503599627370496.0, 9007199254740993.0, 1e300, -1e300,
                            std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                            std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::denorm_min(), 1234.5005, -2999.9995};
    for (double x : cases) {
        INFO(x);
        CHECK(same_bits(round_half_away(x), std::round(x)));
    }
    // Any bits at all, and milliseconds as the flight profile makes them.
    std::mt19937_64 rng(17);
    int wrong = 0;
    for (int i = 0; i < 200000; ++i) {
        uint64_t bits = rng();
        double x;
        std::memcpy(&x, &bits, sizeof x);
        if (!same_bits(round_half_away(x), std::round(x))) ++wrong;
        const double t = double(rng() % 100000000) / 7.0 * 1000.0;
        if (!same_bits(round_half_away(t), std::round(t)) || !same_bits(round_half_away(-t), std::round(-t))) ++wrong;
    }
    CHECK(wrong == 0);
}

TEST_CASE("format_fixed prints as printf(\"%.*f\") does, ties and negative zero included", "[numbers]") {
    for (double v : {0.0, -0.0, 0.125, 0.375, 2.5, 3.5, -2.5, 0.5, 1.5, 1e-30, -1e-30, 113.88744, 22.53612, 1e14, 999999999999999.0, 0.05, 0.15, 0.25})
        for (int d = 0; d <= 9; ++d) {
            INFO(v << " with " << d << " decimals");
            CHECK(format_fixed(v, d) == printf_fixed(v, d));
        }
    std::mt19937_64 rng(13);
    for (int i = 0; i < 200000; ++i) {
        const double v = random_double(rng);
        const int d = int(rng() % 18);
        if (format_fixed(v, d) != printf_fixed(v, d)) FAIL(printf_fixed(v, 20) << " with " << d << ": " << format_fixed(v, d) << " vs " << printf_fixed(v, d));
    }
    // Beyond the exact path (huge values, not numbers) printf itself answers.
    CHECK(format_fixed(1e300, 2) == printf_fixed(1e300, 2));
    CHECK(format_fixed(NAN, 2) == printf_fixed(NAN, 2));
}

TEST_CASE("append_general prints as printf(\"%.*g\") does, where the rounding carries into a new digit too", "[numbers]") {
    const auto printf_general = [](double v, int p) {
        char text[512];
        std::snprintf(text, sizeof text, "%.*g", p, v);
        return std::string(text);
    };
    const auto general = [](double v, int p) {
        std::string out;
        append_general(out, v, p);
        return out;
    };
    // By hand: 9.9999996 to 6 digits is 10.0000, printed "10"; 999999.5 carries to 1e+06, an
    // exponent of 6, so printf writes its exponent form; 0.0001 is the smallest fixed one.
    CHECK(general(9.9999996, 6) == "10");
    CHECK(general(999999.5, 6) == "1e+06");
    CHECK(general(0.0001, 6) == "0.0001");
    CHECK(general(0.00001, 6) == "1e-05");
    CHECK(general(2.5, 6) == "2.5");
    CHECK(general(0.5, 1) == "0.5");
    CHECK(general(123456.5, 6) == "123456");  // a tie, to even
    for (double v : {0.0, -0.0, 0.125, -2.5, 1e-30, 113.88744, 22.53612, 1e14, 0.05, 0.15, 99999.95, 0.000099999995, 1e300, double(NAN), double(INFINITY)})
        for (int p = 1; p <= 17; ++p) {
            INFO(v << " to " << p << " digits");
            CHECK(general(v, p) == printf_general(v, p));
        }
    std::mt19937_64 rng(17);
    for (int i = 0; i < 200000; ++i) {
        const double v = random_double(rng);
        const int p = 1 + int(rng() % 17);
        if (general(v, p) != printf_general(v, p)) FAIL(printf_fixed(v, 25) << " to " << p << ": " << general(v, p) << " vs " << printf_general(v, p));
    }
    // Values at the edges of each decade, where the guess of the exponent is most often wrong.
    for (int e = -6; e <= 8; ++e)
        for (double nudge : {-1e-12, 0.0, 1e-12}) {
            const double v = std::pow(10.0, e) * (1 + nudge);
            for (int p : {1, 3, 6, 9}) CHECK(general(v, p) == printf_general(v, p));
            const double nines = std::pow(10.0, e) * (1 - 5e-7);
            CHECK(general(nines, 6) == printf_general(nines, 6));
        }
}

TEST_CASE("The fast JSON parser reads what nlohmann reads, the same, and gives up on the rest", "[json][numbers]") {
    auto nlohmann_dump = [](std::string_view text) {
        const Json v = Json::parse(text.begin(), text.end(), nullptr, false);
        return v.is_discarded() ? std::string("<refused>") : v.dump(-1, ' ', false, Json::error_handler_t::replace);
    };
    auto fast_dump = [](std::string_view text) {
        const auto v = parse_json_fast(text, 64);
        return v ? v->dump(-1, ' ', false, Json::error_handler_t::replace) : std::string("<refused>");
    };
    const char* cases[] = {
        R"({"a": 1, "b": -2, "c": 2.5, "d": "x\u00e9\ud83d\ude81\n", "e": [true, false, null], "a": 3})",  // a repeated key: the last wins
        R"([18446744073709551615, 18446744073709551616, -9223372036854775808, -9223372036854775809, 1e308, 1e-400, -0, 0.0])",
        "\xEF\xBB\xBF{\"bom\": 1}", "  [ ]  ", "\"\"", "01", "1.", ".5", "+1", "-", "[1,]", "{\"a\":1,}", "[1 2]", "\"\\ud800\"", "\"\\udc00\"",
        "\"\\ud800\\u0041\"", "\"\x01\"", "\"\xC3\"", "\"\xED\xA0\x80\"", "\"\xF4\x90\x80\x80\"", "tru", "nul", "1e999", "[\"\\x\"]", "{\"a\" 1}",
        "[1] x", "", " ", "\"abc",
    };
    for (const char* text : cases) {
        INFO(text);
        CHECK(fast_dump(text) == nlohmann_dump(text));
    }
    // Every JSON file of the repository, and damaged copies of the default scenario.
    for (const char* file : {"assets/scenarios/gba.json", "assets/places/gba_places.json", "tests/golden/missions/baoan-songshan.px4.plan",
                             "tests/golden/missions/scenario.geojson", "tests/fixtures/missions/broken/expected.json"}) {
        const std::string text = test::read_text(file);
        INFO(file);
        REQUIRE(fast_dump(text) != "<refused>");
        CHECK(fast_dump(text) == nlohmann_dump(text));
    }
    const std::string gba = test::read_text("assets/scenarios/gba.json");
    std::mt19937 rng(5);
    int refused = 0;
    for (int i = 0; i < 2000; ++i) {
        std::string text = gba;
        for (int k = 0; k < 1 + int(rng() % 3); ++k) text[rng() % text.size()] = "{}[],:\"0123456789.eE-+ \\u\x80\xC3tfn"[rng() % 27];
        const std::string fast = fast_dump(text), slow = nlohmann_dump(text);
        if (fast != slow) FAIL("damage #" << i << " differs");
        refused += fast == "<refused>";
    }
    CHECK(refused > 500);  // the damage is often fatal: both sides of the comparison are exercised
    CHECK(refused < 1990);
}
