#pragma once

#include "scenario/compiled_scenario.h"
#include "validation/finding.h"

namespace lowsky {

ValidationReport validate(const CompiledScenario& compiled);

}  // namespace lowsky
