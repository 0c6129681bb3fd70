#pragma once
// What a drafted corridor would be in its scenario: the validator's findings on it once added
// (the same checks as any drawn corridor), and the flight along it from end to end priced by
// the flight profile (the router's figures), so that a draft is judged as everything else is.

#include <string>
#include <vector>

#include "core/result.h"
#include "routing/route.h"
#include "scenario/scenario.h"
#include "validation/finding.h"

namespace lowsky::assist {

struct DraftCheck {
    std::vector<Finding> findings;  // those that involve the draft, errors first
    int errors = 0, warnings = 0;
    Result<Route> flight = make_error("not routed");  // along the draft alone, from `from` to `to`
};

DraftCheck check_draft(const Scenario& scenario, const Corridor& draft, const std::string& from, const std::string& to,
                       const std::string& drone_type);

}  // namespace lowsky::assist
