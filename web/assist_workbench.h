#pragma once
// What the planning assist works on (the Assist window): the Draft tool's two ends and the
// engine's draft between them, with its findings and flight, or why there is none (Accept
// sends it to the editor as an ordinary, undoable paste of a corridor); the reachability bands
// from a hub; and a fleet-sizing sweep run a few simulations a frame. The engine computes; this
// holds the choices and the answers. A drafted network is shown until it replaces the
// scenario's corridors (one step to undo) or is cleared.

#include <optional>
#include <string>

#include "assist/corridor_draft.h"
#include "assist/draft_check.h"
#include "assist/network_draft.h"
#include "assist/reach.h"
#include "assist/sweep.h"

namespace lowsky::web {

struct DraftWorkbench {
    std::string from, to;                    // empty: no draft asked for
    bool allow_approvals = true;             // through controlled airspace, under approvals named in the draft
    bool least_energy = false;               // false: the quickest in the scenario's wind
    bool one_way = false;                    // from the first hub clicked to the second
    std::optional<assist::CorridorDraft> draft;
    std::optional<assist::DraftCheck> check;
    std::string error;                       // why there is no draft
    double search_ms = 0;                    // how long the engine took
};

struct ReachView {
    std::optional<assist::ReachResult> result;  // the bands on the map
    std::vector<double> minutes{10, 20, 30};
    std::string error;
    double ms = 0;                              // how long the engine took
};

struct SweepView {
    int fleet_from = 1, fleet_to = 8, fleet_step = 1, seeds = 3;
    double demand_from = 1, demand_to = 1, demand_step = 0.5, target = 0.95;
    double wind_from = 1, wind_to = 1, wind_step = 0.5;  // times the scenario's wind
    std::string hub, drone;                      // of the sweep under way or shown
    assist::SweepSpec spec;
    std::vector<assist::SweepRun> runs;
    size_t next = 0;                             // runs done so far
    bool running = false;
    std::optional<assist::SweepSummary> summary;
    std::string error;
    double ms = 0;                               // the simulations' time so far (wall clock)
    double started_ms = 0;
    int workers = 0;                             // Web Workers running it (0: this page, a few days a frame)
};

struct NetworkView {
    std::optional<assist::NetworkDraft> draft;   // drawn on the map until replaced or cleared
    std::string error;
    double ms = 0;
};

struct AssistPanel {
    bool open = false;
    NetworkView network;
    ReachView reach;
    SweepView sweep;
};

enum class AssistAction { None, Accept, Discard, Redraft, DraftNetwork, ReplaceNetwork, ClearNetwork, Reach, ClearReach, RunSweep, StopSweep };

}  // namespace lowsky::web
