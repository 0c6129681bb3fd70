#include "scenario_view.h"

#include <algorithm>

#include "geo/triangulate.h"
#include "view/airspace_volumes.h"

namespace lowsky::web {

namespace {

CheckState state_of(Severity s) {
    switch (s) {
        case Severity::Error: return CheckState::Error;
        case Severity::Warning: return CheckState::Warning;
        default: return CheckState::Info;
    }
}

ZoneShapeView shape_view(const Zone& zone, const LocalFrame& frame) {
    ZoneShapeView view;
    view.ring = zone_outline(zone.shape);
    std::vector<PlanarPoint> plane;
    for (const auto& p : view.ring) {
        const LocalPoint l = frame.to_local(p);
        plane.push_back({l.east_m, l.north_m});
    }
    view.triangles = triangulate_ring(plane).indices;
    return view;
}

}  // namespace

std::unique_ptr<ScenarioView> make_scenario_view(Scenario scenario, std::string source) {
    auto view = std::make_unique<ScenarioView>();
    view->source = std::move(source);
    view->editor = std::make_unique<Editor>(std::move(scenario));
    view->live = std::make_unique<LiveChecks>(*view->editor);
    view->refresh();
    return view;
}

const RoutingNetwork& ScenarioView::network() const {
    if (!network_) network_ = std::make_unique<RoutingNetwork>(*compiled);
    return *network_;
}

void ScenarioView::refresh() {
    live->update(*editor);
    scenario = &editor->scenario();
    compiled = &live->compiled();
    report = live->report();
    network_.reset();
    // Zone shapes change only with the zones: a full recompile is the sign.
    if (!live->last_was_partial() || zones.size() != compiled->zones().size()) {
        zones.clear();
        for (const auto& zone : compiled->zones()) zones.push_back(shape_view(zone, compiled->frame()));
    }
    const Scenario& s = *scenario;
    corridor_state.assign(s.corridors.size(), CheckState::Clean);
    hub_state.assign(s.hubs.size(), CheckState::Clean);
    for (const auto& f : report.findings) {
        const CheckState st = state_of(f.severity);
        for (size_t i = 0; i < s.corridors.size(); ++i) {
            if (f.object_kind == "corridor" && (s.corridors[i].id == f.object || s.corridors[i].id == f.other))
                corridor_state[i] = std::max(corridor_state[i], st);
        }
        for (size_t i = 0; i < s.hubs.size(); ++i) {
            if (f.object_kind == "hub" && s.hubs[i].id == f.object) hub_state[i] = std::max(hub_state[i], st);
        }
    }
}

}  // namespace lowsky::web
