#pragma once
// Drafting a corridor: given two hubs (or junctions) and a drone type, the shortest centreline
// that stays out of the airspace the corridor may not enter, clear of the existing corridors
// by the lateral separation (or above or below them by the vertical one), under the ceiling
// of each jurisdiction it crosses, with corners the type can turn. The planner proposes; the
// person accepts it as an edit or discards it.
//
// The search: the obstacles (assist/obstacles.h) are convex pieces; the shortest path around
// convex pieces bends only at their corners, so A* runs over those corners, testing a line
// of sight only when it would improve a corner's best cost. A leg costs its time (or energy) as
// the flight profile flies it on its heading in the scenario's wind at the band's middle
// (assist/straight_flight.h), both ways averaged for a two-way corridor; in still air that is
// its length, and the shortest is the quickest. A corridor is flown at one commanded speed
// (the lowest its segments allow), which a leg-by-leg price cannot see, so the way found and
// the shortest way are both flown by the profile and the cheaper is the draft. Its time and
// energy are then the router's along it (routing/route.h).
// Between two ends on the mainland it keeps out of Hong Kong and Macau (a transit would need
// both authorities' approval); only when there is no other way, and approvals are allowed, does
// it cross.

#include <functional>
#include <string>
#include <vector>

#include "core/result.h"
#include "routing/route.h"
#include "scenario/compiled_scenario.h"

namespace lowsky::assist {

// The band a draft takes unless told otherwise, and free flight's (assist/reach.h): 60 to 110 m
// above the ground, under the mainland's 120 m ceiling.
inline AltitudeBand usual_band() { return {{60, AltitudeReference::AboveGround}, {110, AltitudeReference::AboveGround}}; }

struct DraftRequest {
    std::string from;        // a hub or a junction
    std::string to;
    std::string drone_type;
    double width_m = 200;
    double payload_kg = -1;         // what it must carry as far (below 0: the type's maximum)
    AltitudeBand band = usual_band();
    RouteObjective objective = RouteObjective::Fastest;  // in the scenario's wind
    Direction direction = Direction::TwoWay;             // one-way: from `from` to `to`
    bool allow_approvals = false;   // through controlled airspace and across borders, under approvals to be sought
    bool avoid_restricted = true;   // keep out of restricted zones at every hour too
    double time_limit_s = 2.0;      // the search gives up after this long
    std::string id;                 // empty: "draft-FROM-TO"
};

// Polled by the search (every few hundred corners): stop() true cancels it; progress() is
// told the share of the straight distance the best corner so far has covered.
struct DraftControl {
    std::function<bool()> stop;
    std::function<void(double)> progress;
};

struct CorridorDraft {
    Corridor corridor;
    double length_m = 0;
    double straight_m = 0;               // between the two ends
    std::vector<std::string> notes;      // approvals it needs, its band lowered for a jurisdiction
    size_t corners = 0;                  // the search's graph: corners of the obstacles it may bend at
    size_t expanded = 0;                 // ... and how many it expanded
    double cost = 0;                     // what it minimised: the cruise's seconds or watt-hours (both ways averaged)
};

// Error codes: draft.unknown_end, draft.unknown_type, draft.same_end, draft.end_blocked (an end
// lies in a zone or too near one or a corridor: which), draft.walled_in (no way round: the
// zones and corridors that close it, and the gaps too narrow), draft.crosses_border (without
// approvals), draft.beyond_range (at the payload), draft.no_headway (the wind leaves the type
// none on some heading the way needs), draft.cancelled, draft.timeout.
Result<CorridorDraft> draft_corridor(const CompiledScenario& compiled, const DraftRequest& request, const DraftControl& control = {});

}  // namespace lowsky::assist
