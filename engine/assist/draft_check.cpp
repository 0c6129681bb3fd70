#include "assist/draft_check.h"

#include "scenario/compiled_scenario.h"
#include "validation/validate.h"

namespace lowsky::assist {

DraftCheck check_draft(const Scenario& scenario, const Corridor& draft, const std::string& from, const std::string& to,
                       const std::string& drone_type) {
    DraftCheck out;
    {
        Scenario with = scenario;
        with.corridors.push_back(draft);
        const CompiledScenario compiled(with);
        for (Finding& f : validate(compiled).findings) {
            if (f.object != draft.id && f.other != draft.id) continue;
            out.errors += f.severity == Severity::Error;
            out.warnings += f.severity == Severity::Warning;
            out.findings.push_back(std::move(f));
        }
    }
    // The draft alone: the route is then the flight along it, whatever else the network offers.
    Scenario alone = scenario;
    alone.corridors = {draft};
    const CompiledScenario compiled(alone);
    const RoutingNetwork network(compiled, RoutingPolicy{true});
    out.flight = network.route(RouteRequest{from, to, drone_type});
    return out;
}

}  // namespace lowsky::assist
