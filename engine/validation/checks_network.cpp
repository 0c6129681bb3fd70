// The corridor network as a whole: hubs nobody reaches, demand nothing connects.
#include <set>
#include <utility>

#include "validation/checks.h"

namespace lowsky::checks {

namespace {

// Nodes reachable from `from` along corridors in their permitted directions.
std::vector<bool> reachable_from(const CompiledScenario& compiled, int from) {
    const auto& s = compiled.scenario();
    std::vector<std::vector<int>> next(compiled.nodes().size());
    for (const auto& lc : compiled.corridors()) {
        if (lc.start_node < 0 || lc.end_node < 0) continue;
        next[size_t(lc.start_node)].push_back(lc.end_node);
        if (s.corridors[lc.corridor].direction == Direction::TwoWay) next[size_t(lc.end_node)].push_back(lc.start_node);
    }
    std::vector<bool> seen(next.size(), false);
    std::vector<int> stack{from};
    seen[size_t(from)] = true;
    while (!stack.empty()) {
        const int n = stack.back();
        stack.pop_back();
        for (int m : next[size_t(n)]) {
            if (!seen[size_t(m)]) { seen[size_t(m)] = true; stack.push_back(m); }
        }
    }
    return seen;
}

}  // namespace

void network(const Context& c) {
    const CompiledScenario& compiled = c.compiled;
    const Scenario& s = compiled.scenario();
    std::vector<int> degree(compiled.nodes().size(), 0);
    for (const auto& lc : compiled.corridors()) {
        if (lc.start_node >= 0) ++degree[size_t(lc.start_node)];
        if (lc.end_node >= 0) ++degree[size_t(lc.end_node)];
    }
    for (size_t n = 0; n < compiled.nodes().size(); ++n) {
        const Node& node = compiled.nodes()[n];
        if (!node.hub || degree[n] > 0) continue;
        c.out.push_back({"hub.no_corridor", Severity::Warning, "hub " + node.id + " is reached by no corridor", "hub", node.id, "", -1, node.position, ""});
    }

    // A fleet can only be based where its type may take off and land.
    for (size_t i = 0; i < s.fleet.size(); ++i) {
        const FleetEntry& f = s.fleet[i];
        const Hub* hub = s.find_hub(f.hub);
        if (!hub || hub->serves_type(f.drone_type)) continue;
        c.out.push_back({"fleet.hub_serves", Severity::Error,
                         std::to_string(f.count) + " " + f.drone_type + " based at " + f.hub + ", which does not serve that type (its serves list)", "hub",
                         f.hub, f.drone_type, -1, hub->position, ""});
    }

    std::set<std::pair<std::string, std::string>> pairs;
    for (const auto& o : s.orders) pairs.insert({o.from, o.to});
    for (const auto& r : s.demand_rates) pairs.insert({r.from, r.to});
    std::string last_from;
    std::vector<bool> reach;
    for (const auto& [from, to] : pairs) {
        const int a = compiled.node_index(from), b = compiled.node_index(to);
        if (a < 0 || b < 0) continue;
        if (from != last_from) { reach = reachable_from(compiled, a); last_from = from; }
        if (reach[size_t(b)]) continue;
        c.out.push_back({"demand.unreachable", Severity::Error,
                         "demand from " + from + " to " + to + " cannot be served: no chain of corridors leads there", "hub", to, from, -1,
                         compiled.nodes()[size_t(b)].position, ""});
    }
}

}  // namespace lowsky::checks
