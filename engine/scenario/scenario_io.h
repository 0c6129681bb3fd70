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
#include "scenario/scenario.h"

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

// "08:30" <-> 30600; "24:00" is the end of the day.
std::optional<int> parse_clock(const std::string& text);
std::string format_clock(int seconds);

}  // namespace lowsky
