#pragma once
// The validator's checks, one function per rule family. Each appends findings.

#include <string>
#include <vector>

#include "core/text.h"
#include "geo/segment_grid.h"
#include "scenario/compiled_scenario.h"
#include "validation/finding.h"

namespace lowsky::checks {

struct Context {
    const CompiledScenario& compiled;
    const SegmentGrid& segments;  // every corridor segment
    double max_half_width_m = 0;
    std::vector<Finding>& out;
    // After an edit: only the findings that involve these corridors (by index; empty: all).
    std::vector<char> only = {};
    planar::Box only_box = {};    // around them
    bool wants(size_t corridor) const { return only.empty() || (corridor < only.size() && only[corridor]); }
};

void airspace(const Context& c);          // airspace.no_fly, airspace.controlled_*, airspace.restricted_hours
void ceiling(const Context& c);           // altitude.above_ceiling, altitude.ceiling_unverifiable
void corridor_pairs(const Context& c);    // corridor.conflict
void turns(const Context& c);             // corridor.turn_too_sharp
void speeds(const Context& c);            // corridor.below_min_airspeed
void ends(const Context& c);              // corridor.dangling_end
void range(const Context& c);             // corridor.beyond_range, corridor.beyond_loaded_range
void network(const Context& c);           // hub.no_corridor, demand.unreachable
void missions(const Context& c);          // inspection.*, sightseeing.*
void jurisdictions(const Context& c);     // border.crossing_*, jurisdiction.above_ceiling*, jurisdiction.near_aerodrome, jurisdiction.over_weight_class*

// Whether any stretch of the corridor lies on the mainland (where the mainland's ceiling applies).
bool reaches_mainland(const Corridor& corridor);

// Where a corridor segment's point is, for a finding.
GeoPoint to_geo(const Context& c, LocalPoint p);

}  // namespace lowsky::checks
