#include "scenario_view.h"

#include <algorithm>

#include "geo/geodesy.h"
#include "geo/triangulate.h"
#include "validation/validate.h"

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
    if (zone.shape.kind == ZoneShape::Kind::Circle) {
        for (int i = 0; i < 72; ++i) view.ring.push_back(geodesy::destination(zone.shape.center, i * 5.0, zone.shape.radius_m));
    } else {
        view.ring = zone.shape.polygon;
    }
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
    view->scenario = std::make_unique<Scenario>(std::move(scenario));
    view->compiled = std::make_unique<CompiledScenario>(*view->scenario);
    view->network = std::make_unique<RoutingNetwork>(*view->compiled);
    view->report = validate(*view->compiled);
    for (const auto& zone : view->compiled->zones()) view->zones.push_back(shape_view(zone, view->compiled->frame()));

    const Scenario& s = *view->scenario;
    view->corridor_state.assign(s.corridors.size(), CheckState::Clean);
    view->hub_state.assign(s.hubs.size(), CheckState::Clean);
    for (const auto& f : view->report.findings) {
        const CheckState st = state_of(f.severity);
        for (size_t i = 0; i < s.corridors.size(); ++i) {
            if (f.object_kind == "corridor" && (s.corridors[i].id == f.object || s.corridors[i].id == f.other))
                view->corridor_state[i] = std::max(view->corridor_state[i], st);
        }
        for (size_t i = 0; i < s.hubs.size(); ++i) {
            if (f.object_kind == "hub" && s.hubs[i].id == f.object) view->hub_state[i] = std::max(view->hub_state[i], st);
        }
    }
    return view;
}

}  // namespace lowsky::web
