#include <catch2/catch.hpp>

#include "core/json_read.h"
#include "core/json_write.h"
#include "fixtures.h"

using namespace lowsky;

TEST_CASE("Syntax errors name the line and column", "[json]") {
    struct Case { const char* text; const char* where; };
    const Case cases[] = {
        {"{\"a\": 1,}", "f.json:1:9"},
        {"{\n  \"a\": 1\n  \"b\": 2\n}", "f.json:3:5"},
        {"", "f.json:1:1"},
        {"[1, 2", "f.json:1:6"},
        {"{\"a\": tru}", "f.json:1:10"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        auto r = parse_json_text(c.text, "f.json");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().where == c.where);
        CHECK(r.error().message.rfind("invalid JSON", 0) == 0);
    }
}

TEST_CASE("Deep nesting is refused without a crash", "[json]") {
    std::string deep(100000, '[');
    auto r = parse_json_text(deep, "deep.json");
    CHECK_FALSE(r.ok());
}

TEST_CASE("Object reader reports paths, types and ranges", "[json]") {
    auto doc = parse_json_text(R"({"n": 5, "s": "x", "a": [], "o": {}, "big": 1e400, "neg": -3})", "t");
    // 1e400 overflows a double: nlohmann refuses it as a syntax error, which is what we want.
    CHECK_FALSE(doc.ok());

    auto ok = parse_json_text(R"({"n": 5, "s": "x", "a": [], "o": {}, "neg": -3})", "t");
    REQUIRE(ok.ok());
    JsonObjectReader in(ok.value(), "$.thing");
    CHECK(in.number("n").value() == 5);
    CHECK(in.string("s").value() == "x");
    CHECK(in.array("a").ok());
    CHECK(in.object("o").ok());

    auto missing = in.number("nope");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().where == "$.thing.nope");
    CHECK(missing.error().message == "required member is missing");

    auto wrong = in.number("s");
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().message == "expected a number, found a string");

    auto range = in.number_in("neg", 0, 10);
    REQUIRE_FALSE(range.ok());
    CHECK(range.error().where == "$.thing.neg");

    JsonObjectReader not_object(ok.value()["a"], "$.thing.a");
    auto r = not_object.string("x");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message == "expected an object, found an array");
}

TEST_CASE("A JSON syntax error says what the parser saw, never the library's own error id", "[json]") {
    for (const char* text : {"{\"a\": tru }", "{\"a\": [1, 2,\n  }", "[1, 2", "{\"a\" 1}"}) {
        INFO(text);
        auto r = lowsky::parse_json_text(text, "t.json");
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.rfind("invalid JSON: ", 0) == 0);
        CHECK(r.error().message.find("json.exception") == std::string::npos);
        CHECK(r.error().message.find("parse error at line") == std::string::npos);  // the where says the line
        CHECK(r.error().where.rfind("t.json:", 0) == 0);
    }
    auto literal = lowsky::parse_json_text("{\"a\": tru }", "t.json");
    CHECK(literal.error().message == "invalid JSON: syntax error while parsing value - invalid literal; last read: '\"a\": tru '");
    CHECK(literal.error().where == "t.json:1:10");
}

TEST_CASE("A tree is written exactly as nlohmann's dump writes it", "[json]") {
    const auto same = [](const auto& tree, int indent) {
        CHECK(json_text(tree, indent) == tree.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace));
    };
    // Every kind of value, the escapes, control characters, empty containers and nesting.
    const std::string text = R"({"z": [], "a": {}, "n": null, "t": true, "f": false, "i": -9223372036854775808, "u": 18446744073709551615,
        "d": [0.1, -0.0, 1.0, 1e300, 2.5e-308, 123456789012345.6, 22.5361200, -113.88744, 1e15, 1e16],
        "s": "quote \" backslash \\ slash / \b\f\n\r\t \u0001 \u001f \u007f é 中 🚁",
        "nested": [[[{"k": [1, [2, {}]]}]]], "keys \" \u0002 ü": 1})";
    const Json tree = Json::parse(text);
    const nlohmann::ordered_json ordered = nlohmann::ordered_json::parse(text);
    for (const int indent : {0, 1, 2, 4}) {
        INFO("indent " << indent);
        same(tree, indent);
        same(ordered, indent);
    }
    // Strings and keys that are not UTF-8: their bad bytes replaced, as dump() replaces them.
    same(Json{{"bad", std::string("a\xC3(")}, {"cut", std::string("\xE4\xB8")}}, 2);
    same(Json{{std::string("\xFF"), 1}}, 2);
    // The repository's scenarios, each as both kinds of tree.
    for (const char* file : {"assets/scenarios/gba.json", "tests/fixtures/scenarios/minimal.json", "assets/places/gba_places.json"}) {
        INFO(file);
        const std::string document = test::read_text(file);
        same(Json::parse(document), 2);
        same(nlohmann::ordered_json::parse(document), 2);
    }
}
