// read_plan takes a .plan's items straight from the text and leaves anything unusual to the
// tree reader (read_plan_as_tree). The two must agree on every file: the same mission, or the
// same error with the same place.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fixtures.h"
#include "mission/plan_format.h"

using namespace lowsky;
using test::read_text;

namespace {

// What a reading gives, as text: the mission written again with its notes, or the error.
std::string outcome(const Result<Mission>& r) {
    if (!r) return "error: " + r.error().to_string();
    std::string text = write_plan(r.value());
    for (const auto& n : r.value().notes) text += "\nnote: " + n;
    return text;
}

void check_agree(const std::string& text, const std::string& name) {
    INFO(name);
    CHECK(outcome(read_plan(text, name)) == outcome(read_plan_as_tree(text, name)));
}

// `text` with the first `from` made `to`; the edit must find its place.
std::string edited(std::string text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("Every .plan in the repository reads the same through the text reader and the tree", "[missions][plan]") {
    const auto files = test::repository_files({"tests/fixtures/missions", "tests/fixtures/missions/broken", "tests/golden/missions"}, ".plan");
    for (const std::string& relative : files) check_agree(read_text(relative), relative);
    CHECK(files.size() >= 40);
}

// The agreement above would hold as well if read_plan always fell back to the tree: on the plain
// files the text reader must be the one that reads, and read every SimpleItem itself (counted
// here by nlohmann, independently of the reader).
TEST_CASE("The text reader itself reads every simple item of the repository's plain .plan files", "[missions][plan]") {
    const auto files = test::repository_files({"tests/fixtures/missions", "tests/golden/missions"}, ".plan");
    for (const std::string& relative : files) {
        INFO(relative);
        const std::string text = read_text(relative);
        size_t simple = 0;
        const auto doc = nlohmann::json::parse(text);
        for (const auto& item : doc.at("mission").at("items"))
            if (item.value("type", "") == "SimpleItem") ++simple;
        const auto direct = plan_items_read_directly(text);
        REQUIRE(direct.has_value());
        CHECK(*direct == simple);
        CHECK(simple > 0);
    }
    CHECK(files.size() == 14);
}

TEST_CASE("Unusual items read the same through the text reader and the tree", "[missions][plan]") {
    const std::string base = read_text("tests/fixtures/missions/valid-px4.plan");
    const std::string first_command = "\"command\": 22,";
    const std::vector<std::pair<std::string, std::string>> edits = {
        {first_command, "\"command\": 22.0,"},                 // whole, written as a real
        {first_command, "\"command\": \"22\","},               // a string
        {first_command, "\"command\": -22,"},
        {first_command, "\"command\": 65536,"},
        {first_command, "\"command\": 9999,"},                 // no MAVLink command
        {first_command, "\"command\": 18446744073709551616,"}, // beyond 64 bits: a double
        {first_command, "\"command\": 22, \"command\": 16,"},  // repeated: the last wins
        {first_command, "\"command\": \"x\", \"command\": 16,"},
        {first_command, "\"\\u0063ommand\": 22,"},             // an escaped key
        {first_command, "\"command\": 22, \"extra\": {\"a\": [1, {\"b\": null}], \"c\": \"\\u00e9\"},"},
        {"\"frame\": 3,", "\"frame\": 256,"},
        {"\"frame\": 3,", "\"frame\": true,"},
        {"\"type\": \"SimpleItem\",", "\"type\": \"ComplexItem\","},
        {"\"type\": \"SimpleItem\",", "\"type\": \"Simple\\u0049tem\","},
        {"\"type\": \"SimpleItem\",", ""},
        {"\"autoContinue\": true,", ""},
        {"\"autoContinue\": true,", "\"autoContinue\": 1,"},
        {"\"autoContinue\": true,", "\"autoContinue\": false,"},
        {"\"doJumpId\": 1,", "\"doJumpId\": \"1\","},
        {"\"doJumpId\": 1,", "\"doJumpId\": -7,"},
        {"\"doJumpId\": 1,", "\"doJumpId\": 1.5,"},
        {"\"doJumpId\": 1,", "\"doJumpId\": 18446744073709551615,"},
        {"\"doJumpId\": 1,", ""},
        {"22.5521,\n                    113.8829,\n                    60", "null,\n                    113.8829,\n                    60"},
        {"22.5521,\n                    113.8829,\n                    60", "91,\n                    113.8829,\n                    60"},
        {"22.5521,\n                    113.8829,\n                    60", "22.5521,\n                    113.8829,\n                    60,\n 1"},
        {"22.5521,\n                    113.8829,\n                    60", "22.5521,\n                    113.8829"},
        {"22.5521,\n                    113.8829,\n                    60", "22.5521,\n                    113.8829,\n                    \"60\""},
        {"22.5521,\n                    113.8829,\n                    60", "22.5521,\n                    113.8829,\n                    1e999"},
        {"\"AMSLAltAboveTerrain\": null", "\"amsl\": null"},      // two of the three altitude keys
        {"\"AltitudeMode\": 1,", "\"AltitudeMode\": 1, \"AltitudeMode\": 2,"},
        {"1,\n                    12,\n                    -1,\n                    0,\n                    0,\n                    0,\n                    0",
         "1,\n                    12,\n                    -1,\n                    0,\n                    null,\n                    null,\n                    0"},  // no position, not positional
        {"\"items\": [", "\"items\": [7, "},                      // an item that is no object
        {"\"items\": [", "\"items\": [], \"items\": ["},          // repeated: the tree reads the last
        {"\"mission\": {", "\"mission\": {\"items\": []}, \"mission\": {"},
        {"\"items\": [", "\"items\": {}, \"x\": ["},
        {"\"mission\": {", "\"mission\": [], \"m\": {"},
        {"\"version\": 2,\n        \"firmwareType\"", "\"version\": 2.0,\n        \"firmwareType\""},
        {"\"type\": \"SimpleItem\",", "\"type\": \"SimpleItem\"\n"},  // a comma missing: not JSON
        {"\"command\": 22,", "\"command\": 22,\n \"bad\": \"\xC3\x28\","},  // not UTF-8
    };
    for (const auto& [from, to] : edits) check_agree(edited(base, from, to), "replace " + from + " with " + to);
    check_agree("\xEF\xBB\xBF" + base, "with a byte order mark");
    check_agree(base + "  \n\t", "white space after");
    check_agree(base + std::string(1, '\0'), "a NUL after");
    check_agree(base.substr(0, base.size() / 2), "cut in half");
    // Nesting in an unknown member: the limit falls the same way in both (an item sits three
    // containers deep, its member's value a fourth).
    for (const int arrays : {59, 60, 61}) {
        const std::string deep = "\"deep\": " + std::string(size_t(arrays), '[') + std::string(size_t(arrays), ']') + ",";
        check_agree(edited(base, first_command, first_command + deep), "nested " + std::to_string(arrays));
    }
}

TEST_CASE("The text reader keeps the last of a repeated member and reads escaped keys, as the tree does", "[missions][plan]") {
    const std::string base = read_text("tests/fixtures/missions/valid-px4.plan");
    auto repeated = read_plan(edited(base, "\"command\": 22,", "\"command\": 22, \"command\": 16,"), "repeated.plan");
    REQUIRE(repeated.ok());
    CHECK(repeated->items[0].command == 16);
    auto escaped = read_plan(edited(base, "\"command\": 22,", "\"\\u0063ommand\": 21,"), "escaped.plan");
    REQUIRE(escaped.ok());
    CHECK(escaped->items[0].command == 21);
    auto no_position = read_plan(edited(base, "\"frame\": 3,", "\"frame\": 3, \"frame\": 2,"), "frame.plan");
    REQUIRE(no_position.ok());
    CHECK(no_position->items[0].frame == 2);
    CHECK(no_position->items.size() == 5);
}
