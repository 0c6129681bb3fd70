#pragma once
// A finding of the validator: which rule (a stable id), how bad, what and where.

#include <optional>
#include <string>
#include <vector>

#include "geo/geo_types.h"

namespace lowsky {

enum class Severity { Info, Warning, Error };

struct Finding {
    std::string check;             // stable id, e.g. "airspace.no_fly"
    Severity severity = Severity::Error;
    std::string message;           // for a person
    std::string object_kind;       // "corridor", "hub", "zone", "scenario"
    std::string object;            // its id
    std::string other;             // the other object involved, if any (a zone, a corridor)
    int segment = -1;              // corridor segment, when the finding is on one
    std::optional<GeoPoint> position;  // where to look
    std::string explanation;       // the scenario author's note, when the finding is explained
    int places = 1;                // how many segments (or pairs of segments) it stands for: one
                                   // finding per pair of objects and rule, at the worst of them
};

struct ValidationReport {
    std::vector<Finding> findings;  // errors first, then warnings, then infos
    int errors = 0;
    int warnings = 0;
    int infos = 0;
    int unexplained_warnings = 0;
};

const char* to_string(Severity severity);

// Every check the validator runs, with its id and what it looks for (for docs and --help).
struct CheckInfo {
    const char* id;
    const char* rule;
};
const std::vector<CheckInfo>& all_checks();

}  // namespace lowsky
