#pragma once
// Reachability from a hub: how long a drone type takes to get somewhere, through the corridor
// network and, for comparison, in free flight within the rules. A supplier's question ("can 90 %
// of them get parts to the factory within half an hour?") is answered for a list of points,
// with the corridor that would bring the most of those outside inside.
//
// Through the network: the router's time to each hub the type lands at (the flight profile's,
// with the wind), and from a hub to a point beyond its approach radius a short flight of the
// same type from that hub (take-off, straight out, landing) up to a last-mile limit. In free
// flight: the shortest way round the zones the rules close (no-fly; controlled unless approvals
// are allowed; restricted), each leg flown by the flight profile in the wind of its heading
// (assist/straight_flight.h), so the way found is the quickest, not the shortest.

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "geo/geo_types.h"
#include "assist/straight_flight.h"
#include "scenario/compiled_scenario.h"

namespace lowsky::assist {

struct ReachRequest {
    std::string from;                       // a hub
    std::string drone_type;
    std::vector<double> minutes{10, 20, 30};  // the bands, rising
    bool allow_approvals = false;           // free flight through controlled airspace
    double last_mile_m = 10000;             // from a hub on to a point, at most
    double cell_m = 1000;                   // the grid the bands are drawn on (0: none, the points alone)
    double margin_m = 20000;                // beyond the hubs' box
};

struct ReachPoint {
    std::string name;
    GeoPoint at;
};

struct PointReach {
    ReachPoint point;
    double network_s = -1;   // below 0: not reachable through the network (within the last mile)
    std::string via_hub;     // the hub it is reached from
    double free_s = -1;      // below 0: not reachable in free flight
};

// A grid of times (seconds; below 0: not reached), row by row from the south-west corner.
struct ReachGrid {
    LocalPoint origin;       // the south-west cell's centre
    double cell_m = 0;
    int cols = 0, rows = 0;
    std::vector<float> network_s, free_s;
};

struct ReachResult {
    std::string from, drone_type;
    std::vector<std::pair<std::string, double>> hubs;  // each hub the type reaches, and when (seconds)
    ReachGrid grid;
    std::vector<PointReach> points;
};

Result<ReachResult> reach(const CompiledScenario& compiled, const ReachRequest& request, const std::vector<ReachPoint>& points = {});

// Of the points outside `minutes` through the network: the corridor, drafted from the origin to
// another hub (assist/corridor_draft.h, approvals allowed), that brings the most of them inside.
struct CorridorSuggestion {
    Corridor corridor;
    int brought_inside = 0;
};
std::optional<CorridorSuggestion> best_new_corridor(const Scenario& scenario, const ReachRequest& request, const std::vector<ReachPoint>& points,
                                                    double minutes);

// Supplier points from a CSV (name,lat,lon or lat,lon per line; a header line is skipped) or a
// GeoJSON FeatureCollection of Points (its "name" property). Errors say the line or the path.
Result<std::vector<ReachPoint>> read_reach_points(const std::string& text, const std::string& source);

}  // namespace lowsky::assist
