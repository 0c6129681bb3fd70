#include "scenario_view.h"

#include <algorithm>

#include "geo/triangulate.h"
#include "mission/scenario_missions.h"
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

namespace {

// Each inspection's pattern and each loop's path, as the engine plans them (nothing drawn for
// one that cannot be laid: its finding says why), with its worst finding.
std::vector<MissionOverlay> mission_overlays(const CompiledScenario& compiled, const ValidationReport& report) {
    const Scenario& s = compiled.scenario();
    std::vector<MissionOverlay> out;
    for (const Inspection& i : s.inspections) {
        MissionOverlay o{i.id, false, !i.area.empty(), i.area.empty() ? i.along : i.area, {}, CheckState::Clean, std::nullopt, 0};
        if (const auto planned = plan_inspection(compiled, i, Firmware::ArduPilot)) {
            o.figures = planned->check.figures;
            o.items = planned->mission.items.size();
            for (const SurveyLine& line : planned->pattern.lines) {
                std::vector<GeoPoint> stroke{line.from};
                stroke.insert(stroke.end(), line.via.begin(), line.via.end());
                stroke.push_back(line.to);
                o.strokes.push_back(std::move(stroke));
            }
        }
        out.push_back(std::move(o));
    }
    for (const Sightseeing& t : s.sightseeing) {
        MissionOverlay o{t.id, true, false, {}, {}, CheckState::Clean, std::nullopt, 0};
        for (const Sight& st : t.stops) o.outline.push_back(st.position);
        if (const auto planned = plan_scenario_sightseeing(compiled, t, Firmware::ArduPilot)) {
            o.figures = planned->check.figures;
            o.items = planned->loop.mission.items.size();
            std::vector<GeoPoint> path{planned->spec.home};
            path.insert(path.end(), planned->loop.viewpoints.begin(), planned->loop.viewpoints.end());
            path.push_back(planned->spec.home);
            o.strokes.push_back(std::move(path));
        }
        out.push_back(std::move(o));
    }
    for (const Finding& f : report.findings)
        for (MissionOverlay& o : out)
            if ((f.object_kind == "inspection" || f.object_kind == "sightseeing") && f.object == o.id && f.explanation.empty())
                o.state = std::max(o.state, state_of(f.severity));
    return out;
}

}  // namespace

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
    missions = mission_overlays(*compiled, report);
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
