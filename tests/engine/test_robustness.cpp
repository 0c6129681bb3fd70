// Every reader of outside data against damaged copies of real files: flipped bits, cut-off
// ends, dropped and repeated bytes, numbers swapped for huge, negative or non-numbers. A
// reader must answer with a value or an error that says something, never throw or crash;
// a damaged scenario that still loads must compile, validate, route and simulate without either.
// (Built with the native-asan preset, the same cases look for memory errors too.)
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "basemap/basemap.h"
#include "core/text.h"
#include "fixtures.h"
#include "fuzz/exercise.h"
#include "mission/importers.h"
#include "places/places.h"
#include "routing/route.h"
#include "scenario/compiled_scenario.h"
#include "sim/simulator.h"
#include "validation/validate.h"

using namespace lowsky;

namespace {

// One random kind of damage.
std::string damage(std::string text, std::mt19937& rng) {
    if (text.empty()) return text;
    auto at = [&](size_t n) { return size_t(rng() % n); };
    switch (rng() % 7) {
        case 0: {  // a few flipped bits
            for (int k = 0; k < 1 + int(rng() % 4); ++k) text[at(text.size())] ^= char(1 << (rng() % 8));
            break;
        }
        case 1: text.resize(at(text.size())); break;  // cut off
        case 2: {  // a run of bytes dropped
            const size_t from = at(text.size());
            text.erase(from, 1 + at(64));
            break;
        }
        case 3: {  // a run of bytes repeated
            const size_t from = at(text.size()), n = 1 + at(64);
            text.insert(from, text.substr(from, n));
            break;
        }
        case 4: {  // a number replaced by an extreme one
            static const char* extremes[] = {"1e308", "-1e308", "1e999", "-0", "0", "-1", "4294967296", "NaN", "nan", "\"12\"", "null", "9007199254740993"};
            size_t from = at(text.size());
            while (from < text.size() && !std::isdigit(static_cast<unsigned char>(text[from]))) ++from;
            size_t to = from;
            while (to < text.size() && (std::isdigit(static_cast<unsigned char>(text[to])) || text[to] == '.')) ++to;
            if (from < text.size()) text.replace(from, to - from, extremes[at(sizeof extremes / sizeof *extremes)]);
            break;
        }
        case 5: {  // a structural character swapped
            static const char structural[] = "{}[],:\"<>/= \n\t";
            text[at(text.size())] = structural[at(sizeof structural - 1)];
            break;
        }
        default: {  // random bytes
            for (int k = 0; k < 1 + int(rng() % 8); ++k) text[at(text.size())] = char(rng() % 256);
            break;
        }
    }
    return text;
}

}  // namespace

TEST_CASE("A damaged scenario gets an error or loads, and then compiles, validates, routes and simulates", "[robustness]") {
    const std::string original = test::read_text("assets/scenarios/gba.json");
    std::mt19937 rng(17);
    int loaded = 0, refused = 0;
    for (int i = 0; i < 300; ++i) {
        const std::string text = damage(original, rng);
        INFO("damage #" << i);
        ScenarioLoad load;
        REQUIRE_NOTHROW(load = parse_scenario(text, "gba.json"));
        if (!load.ok()) {
            ++refused;
            REQUIRE(!load.errors.empty());
            CHECK(!load.errors.front().to_string().empty());
            continue;
        }
        ++loaded;
        // Every later step, with every JSON it makes dumped strictly (a string in it that is not
        // UTF-8 would stop the run): the fuzz target's own steps (tests/fuzz/exercise.h).
        fuzz::exercise_scenario(text);
    }
    CHECK(loaded > 20);   // damage that leaves a valid document (a changed number, say) is exercised
    CHECK(refused > 20);  // and so is damage that is refused
}

TEST_CASE("A damaged mission or shape file gets an error or imports", "[robustness]") {
    const char* files[] = {"baoan-songshan.px4.plan", "baoan-songshan.ardupilot.waypoints", "baoan-songshan.absolute.kml", "baoan-songshan.geojson",
                           "xiangzhou-dongao.relative.kml", "scenario.geojson"};
    std::mt19937 rng(23);
    for (const char* name : files) {
        const std::string original = test::read_text(std::string("tests/golden/missions/") + name);
        for (int i = 0; i < 150; ++i) {
            const std::string text = damage(original, rng);
            INFO(name << ", damage #" << i);
            Result<Imported> imported = Error{};
            REQUIRE_NOTHROW(imported = import_file(name, text, {}));
            if (!imported) CHECK(!imported.error().to_string().empty());
            fuzz::exercise_import(name, text);  // describes, dumps and writes back what was read
        }
    }
}

TEST_CASE("A damaged basemap or place list gets an error or loads", "[robustness]") {
    std::mt19937 rng(29);
    const std::string basemap = test::read_text("assets/basemap/gba.lsbm");
    for (int i = 0; i < 150; ++i) {
        const std::string bytes = damage(basemap, rng);
        INFO("basemap damage #" << i);
        Result<Basemap> decoded = Error{};
        REQUIRE_NOTHROW(decoded = decode_basemap(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
        if (!decoded) CHECK(!decoded.error().to_string().empty());
        else REQUIRE_NOTHROW((void)surface_at(decoded.value(), {22.5, 113.9}));
    }
    const std::string places = test::read_text("assets/places/gba_places.json");
    for (int i = 0; i < 300; ++i) {
        const std::string text = damage(places, rng);
        INFO("places damage #" << i);
        Result<PlaceCatalog> parsed = Error{};
        REQUIRE_NOTHROW(parsed = parse_places(text, "gba_places.json"));
        if (!parsed) CHECK(!parsed.error().to_string().empty());
    }
}

TEST_CASE("Outside text is UTF-8 or refused where it stops being so", "[robustness][text]") {
    using lowsky::invalid_utf8_at;
    CHECK_FALSE(invalid_utf8_at("plain ASCII").has_value());
    CHECK_FALSE(invalid_utf8_at("\xE6\xB7\xB1\xE5\x9C\xB3 Shenzhen \xF0\x9F\x9A\x81").has_value());  // CJK and an emoji
    CHECK(invalid_utf8_at("Caf\xE9 au lait") == 3u);          // Latin-1
    CHECK(invalid_utf8_at("ab\xC0\xAF") == 2u);               // an overlong '/'
    CHECK(invalid_utf8_at("ab\xED\xA0\x80") == 2u);           // a UTF-16 surrogate
    CHECK(invalid_utf8_at("ab\xF4\x90\x80\x80") == 2u);       // above U+10FFFF
    CHECK(invalid_utf8_at("abc\xE6\xB7") == 3u);              // cut short at the end
    CHECK(invalid_utf8_at("\x80") == 0u);                     // a lone continuation byte

    auto e = lowsky::require_utf8("{\n  \"name\": \"Caf\xE9\"\n}", "f.json");
    REQUIRE(e);
    CHECK(e->where == "f.json:2:15");
    CHECK(e->message.find("byte 0xE9 at offset 16") != std::string::npos);
    CHECK(e->code == "text.not_utf8");
    const std::string utf16le("\xFF\xFE{\0}\0", 6), bare16("{\0\"\0a\0", 6);
    CHECK(lowsky::require_utf8(utf16le, "w.json")->message.find("UTF-16 (little-endian)") == 12);
    CHECK(lowsky::require_utf8(bare16, "w.json")->message.find("no byte order mark") != std::string::npos);
    CHECK_FALSE(lowsky::require_utf8("\xEF\xBB\xBF{}", "bom.json"));  // a UTF-8 byte order mark is UTF-8

    CHECK(lowsky::printable("a\xFF" "b\n\xE6\xB7\xB1") == "a\\xFFb\\x0A\xE6\xB7\xB1");
}

TEST_CASE("A KML with a stray Latin-1 byte is refused with where it is", "[robustness][text]") {
    const std::string text = lowsky::test::read_text("tests/fixtures/shapes/stray-byte.kml");
    auto imported = lowsky::import_file("stray-byte.kml", text, {});
    REQUIRE_FALSE(imported.ok());
    CHECK(imported.error().code == "text.not_utf8");
    CHECK(imported.error().message.find("byte 0xE9") != std::string::npos);
    CHECK(imported.error().where.rfind("stray-byte.kml:", 0) == 0);
}

TEST_CASE("A bad KML coordinate tuple is quoted without cutting a character in two (found by the long kml fuzz run)", "[robustness]") {
    // 39 ASCII bytes, then a 3-byte character across the 40-byte cut.
    const std::string tuple = "113.87," + std::string(32, 'x') + "\xE4\xB8\xAD" + "yy";
    const std::string kml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><Placemark><name>a</name>"
                            "<LineString><coordinates>" + tuple + " 113.9,22.5,10</coordinates></LineString></Placemark></Document></kml>\n";
    const auto imported = lowsky::import_kml(kml, "cut.kml", {});
    REQUIRE_FALSE(imported.ok());
    const std::string message = imported.error().message;
    CHECK(message.find("bad coordinate tuple") != std::string::npos);
    CHECK_FALSE(lowsky::invalid_utf8_at(message).has_value());
    CHECK(message.find("\\xE4") != std::string::npos);  // the cut character's first byte, escaped
}
