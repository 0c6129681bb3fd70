#pragma once
// What a straight flight of a drone type costs on each heading out of one place, in the
// scenario's wind at one height: the flight profile's (flight/flight.h) time from take-off to
// landing as a fixed part and a part per metre, and the energy per metre of cruise, from two
// flights per heading every 10 degrees (linear between). Free flight's clock (assist/reach.h) reads it, and the searches
// round the zones (assist/visibility_search.h) price each leg by its heading with it, so that a
// draft or a free flight is the quickest (or the least energy) in the wind, not the shortest.

#include <array>
#include <cmath>
#include <vector>

#include "geo/geo_types.h"
#include "geo/planar.h"
#include "routing/route.h"
#include "scenario/scenario.h"

namespace lowsky::assist {

struct StraightFlightPlace {
    GeoPoint at;
    double ground_m_amsl = 0;
    double height_agl_m = 85;   // where it cruises: its wind is the scenario's band there
};

class StraightFlights {
public:
    // `speed_limit_m_s`: a corridor's limit (the type's cruise speed when higher or 0).
    StraightFlights(const Scenario& scenario, const DroneType& type, double payload_kg, const StraightFlightPlace& place, double speed_limit_m_s = 0);

    // From take-off to landing, `distance_m` straight out on `bearing_deg`; below 0 where the
    // wind leaves the type no headway on that heading.
    double seconds(double distance_m, double bearing_deg) const;
    // The cruise's cost of one metre on a heading (seconds, or watt-hours); infinity where no headway.
    double per_metre(RouteObjective objective, double bearing_deg) const;

private:
    struct Heading {
        bool headway = false;
        double fixed_s = 0, per_m_s = 0, per_m_wh = 0;
    };
    std::array<Heading, 36> headings_{};
    // The two headings either side of a bearing and the weight of the second.
    struct Between {
        const Heading *a, *b;
        double t;
    };
    Between between(double bearing_deg) const;
};

// A drafted centreline flown one way by the flight profile, as the router flies a corridor:
// take-off at the first point, the corridor at one commanded speed (the lowest its segments
// allow in the wind: flight::commanded_speed_m_s), landing at the last. Infinite where the wind
// leaves no headway. The searches price legs one by one (LegCost); this judges the ways they
// find, and whether the battery holds.
struct CorridorFlight {
    double time_s = 0, energy_wh = 0;
};
CorridorFlight fly_corridor(const Scenario& scenario, const DroneType& type, double payload_kg, const StraightFlightPlace& place,
                            const std::vector<GeoPoint>& centreline);

// A search's price of a straight leg by its direction: its length times a cost per metre that
// depends on the heading (and, for a two-way corridor, the mean of both ways). The default
// prices length itself. Looked up by a pseudo-angle (no atan2: a search prices a million legs).
class LegCost {
public:
    LegCost() = default;
    LegCost(const StraightFlights& flights, RouteObjective objective, bool both_ways);

    double of(LocalPoint from, LocalPoint to) const {
        const double m = planar::distance(from, to);
        if (table_.empty() || m == 0) return m;
        return m * table_[bin(to.east_m - from.east_m, to.north_m - from.north_m)];
    }
    // No leg costs less per metre than this.
    double least_per_metre() const { return least_; }
    bool is_length() const { return table_.empty(); }

private:
    static constexpr size_t kBins = 4096;
    // The direction's pseudo-angle, 0 to 4 round from north through east, as a bin.
    static size_t bin(double east, double north) {
        const double s = std::abs(east) + std::abs(north);
        double q;
        if (east >= 0 && north > 0) q = east / s;                 // north to east
        else if (east > 0) q = 1 + (-north) / s;                  // east to south
        else if (north < 0) q = 2 + (-east) / s;                  // south to west
        else q = 3 + north / s;                                   // west to north
        const size_t k = size_t(q * (kBins / 4));
        return k < kBins ? k : kBins - 1;
    }
    std::vector<double> table_;  // per bin; empty: length
    double least_ = 1;
};
}  // namespace lowsky::assist
