#pragma once
// A finding as JSON: the one form the command-line tool prints and the fuzzers dump.

#include "core/json_read.h"
#include "validation/finding.h"

namespace lowsky {

Json finding_json(const Finding& finding);

}  // namespace lowsky
