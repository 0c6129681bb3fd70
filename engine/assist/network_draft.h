#pragma once
// Drafting a corridor network for a scenario's hubs and the demand between them: a tree that
// connects every hub by the shortest straight links (so that heavy flows share trunks), with a
// junction where two links leave a hub less than 120 degrees apart (one trunk out to the point
// that makes the three links shortest, two branches beyond),
// then each link drafted round the airspace rules (assist/corridor_draft.h), the heaviest
// first, each clear of those drafted before it. The scenario's own corridors are set aside: the
// draft is a proposal for the whole network. Its figures: the total length, and each demand
// pair's way through it against the straight line (routing/route.h).

#include <functional>
#include <string>
#include <vector>

#include "core/result.h"
#include "scenario/scenario.h"

namespace lowsky::assist {

struct NetworkRequest {
    std::string drone_type;        // drafted for it (its turns and range); empty: the type of longest range
    double width_m = 200;
    bool allow_approvals = true;   // through controlled airspace, the approvals named
    double time_limit_s = 5;       // for the whole network
};

struct PairDetour {
    std::string from, to;
    double per_day = 0;            // the demand between them, both ways
    double straight_m = 0;
    double network_m = -1;         // below 0: no way through the drafted network
};

struct NetworkDraft {
    std::vector<Junction> junctions;
    std::vector<Corridor> corridors;
    std::vector<std::string> not_drafted;  // the links that could not be drafted, and why
    double total_length_m = 0;
    std::vector<PairDetour> pairs;
};

Result<NetworkDraft> draft_network(const Scenario& scenario, const NetworkRequest& request, const std::function<bool()>& stop = {});

}  // namespace lowsky::assist
