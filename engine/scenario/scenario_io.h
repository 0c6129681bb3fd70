#pragma once
// Loading and saving the scenario document (docs/scenario.md). Loading never throws and
// never stops at the first problem: every error and warning comes back with its JSON path
// (or file:line:column for a syntax error). Saving writes a canonical form, so that
// save(load(save(x))) == save(x).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include <nlohmann/json.hpp>

#include "scenario/scenario.h"
#include "scenario/scenario_objects.h"

namespace lowsky {

constexpr int kScenarioFormatVersion = 1;

struct ScenarioLoad {
    std::optional<Scenario> scenario;  // present exactly when there are no errors
    std::vector<Error> errors;
    std::vector<Error> warnings;  // unknown members: the document still loads
    bool ok() const { return scenario.has_value(); }
};

ScenarioLoad parse_scenario(std::string_view text, const std::string& source);
std::string save_scenario(const Scenario& scenario);

// One object as the document writes it (in its canonical member order), and read back as the
// document reads it: errors carry `path` ("$.corridors[3].width_m"). Reading one object does
// not check its references to others: check_cross_references does, for a whole scenario.
nlohmann::ordered_json object_to_json(const ScenarioObject& object);
struct ObjectRead {
    std::optional<ScenarioObject> object;  // present exactly when there are no errors
    std::vector<Error> errors;
    std::vector<Error> warnings;
};
ObjectRead object_from_json(ObjectKind kind, const nlohmann::json& value, const std::string& path);
std::vector<Error> check_cross_references(const Scenario& scenario);

// "08:30" <-> 30600; "24:00" is the end of the day.
std::optional<int> parse_clock(const std::string& text);
std::string format_clock(int seconds);

}  // namespace lowsky
