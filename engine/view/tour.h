#pragma once
// The guided tour of the region's story: the places the Greater Bay Area's plans name, each with
// the claim made for it and the figure lowsky's own engine gives (a route's flight profile, the
// simulated day). A claim the engine does not reproduce is said to be so, never papered over.

#include <string>
#include <vector>

#include "geo/geo_types.h"
#include "routing/route.h"
#include "scenario/compiled_scenario.h"
#include "sim/sim_types.h"

namespace lowsky {

enum class TourVerdict {
    Meets,          // the engine's figure meets the claim
    Misses,         // it does not
    NotReproduced,  // the engine has no figure for it (not modelled, or the day not simulated)
};
const char* to_string(TourVerdict v);

// A piece of a step's figure in words: a pattern whose every "%s" takes the next of `args`
// (numbers already written, ids and names), so that the app can say it in the reader's language
// with the same numbers.
struct TourText {
    std::string pattern;
    std::vector<std::string> args;
};
// The pattern with its arguments in place ("%%" is a per cent sign).
std::string fill(const std::string& pattern, const std::vector<std::string>& args);

struct TourStep {
    std::string id;
    std::string title;   // the place or subject
    std::string claim;   // what the region's plans say
    std::string figure;  // what the engine gives, in words (English: its parts filled in)
    std::vector<TourText> figure_parts;
    TourVerdict verdict = TourVerdict::NotReproduced;
    double value = -1;   // the figure's number where it has one (seconds, a count or a share), else -1
    GeoPoint at;         // where the map goes
    double span_m = 10000;  // how much ground around it the view shows (the app fits it to its free map)
    bool view3d = false; // shown in 3D
    double time_s = -1;  // the moment of the simulated day to show, -1: none
};

// The steps, in order, for the open scenario. Hubs the scenario lacks make their steps "not
// reproduced" with the reason. `day` (the simulated day, or null) gives the pad and on-time steps.
std::vector<TourStep> region_tour(const CompiledScenario& compiled, const RoutingNetwork& network, const SimResult* day);

// The most take-offs and landings at one hub within any `window_s` of the day: the count, the hub
// (index into the scenario's hubs, -1 with no flights) and when the window starts.
struct PadRush {
    int movements = 0;
    int hub = -1;
    double start_s = 0;
};
PadRush busiest_pads(const SimResult& day, size_t hub_count, double window_s);

}  // namespace lowsky
