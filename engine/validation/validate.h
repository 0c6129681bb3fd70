#pragma once

#include "scenario/compiled_scenario.h"
#include "validation/finding.h"

namespace lowsky {

ValidationReport validate(const CompiledScenario& compiled);

// After corridors changed in place (an edit; compiled.recompile_corridor for each): the
// previous report with every finding that involves them checked again, and the network checks
// run again. The same findings as validate() gives, in an order that may differ.
ValidationReport revalidate_corridors(const CompiledScenario& compiled, const ValidationReport& previous, const std::vector<size_t>& changed);

}  // namespace lowsky
