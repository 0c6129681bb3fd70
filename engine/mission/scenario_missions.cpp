#include "mission/scenario_missions.h"

namespace lowsky {

namespace {

// The hub it flies from and the type that flies it, or which is unknown.
template <typename T>
Result<std::pair<const Hub*, const DroneType*>> hub_and_type(const Scenario& s, const T& object) {
    const Hub* hub = s.find_hub(object.hub);
    const DroneType* type = s.find_drone_type(object.drone_type);
    if (!hub) return make_error("unknown hub \"" + object.hub + "\"", "hub");
    if (!type) return make_error("unknown drone type \"" + object.drone_type + "\"", "drone_type");
    return std::make_pair(hub, type);
}

}  // namespace

Result<PlannedInspection> plan_inspection(const CompiledScenario& compiled, const Inspection& inspection, Firmware firmware) {
    const auto found = hub_and_type(compiled.scenario(), inspection);
    if (!found) return found.error();
    const auto [hub, type] = found.value();
    Result<SurveyPattern> pattern = [&]() -> Result<SurveyPattern> {
        if (!inspection.along.empty()) {
            CorridorScanSpec spec;
            spec.line = inspection.along;
            spec.width_m = inspection.width_m;
            spec.footprint_m = inspection.footprint_m;
            spec.side_overlap = inspection.side_overlap;
            return plan_corridor_scan(spec);
        }
        SurveySpec spec;
        spec.polygon = inspection.area;
        spec.footprint_m = inspection.footprint_m;
        spec.side_overlap = inspection.side_overlap;
        spec.heading_deg = inspection.heading_deg;
        return plan_survey(spec);
    }();
    if (!pattern) return pattern.error();
    PlannedInspection out;
    out.pattern = std::move(pattern.value());
    out.flight.home = hub->position;
    out.flight.home_alt_m_amsl = hub->ground_elevation_m_amsl;
    out.flight.height_m = inspection.height_m;
    out.flight.speed_m_s = inspection.speed_m_s;
    // Square coverage along the line as across it: a frame every line spacing (every footprint
    // times the free share on a single line).
    out.flight.trigger_distance_m = out.pattern.spacing_m > 0 ? out.pattern.spacing_m : inspection.footprint_m * (1 - inspection.side_overlap);
    out.flight.firmware = firmware;
    out.mission = survey_mission(out.pattern, out.flight);
    out.check = check_survey(compiled, out.pattern, out.flight, *type);
    return out;
}

Result<PlannedSightseeing> plan_scenario_sightseeing(const CompiledScenario& compiled, const Sightseeing& sightseeing, Firmware firmware) {
    const auto found = hub_and_type(compiled.scenario(), sightseeing);
    if (!found) return found.error();
    const auto [hub, type] = found.value();
    PlannedSightseeing out;
    out.spec.home = hub->position;
    out.spec.home_alt_m_amsl = hub->ground_elevation_m_amsl;
    for (const Sight& st : sightseeing.stops) out.spec.stops.push_back({st.name, st.position});
    out.spec.height_m = sightseeing.height_m;
    out.spec.speed_m_s = sightseeing.speed_m_s;
    out.spec.look_s = sightseeing.look_s;
    out.spec.standoff_m = sightseeing.standoff_m;
    out.spec.firmware = firmware;
    auto loop = plan_sightseeing(out.spec);
    if (!loop) return loop.error();
    out.loop = std::move(loop.value());
    out.check = check_sightseeing(compiled, out.loop, out.spec, *type);
    return out;
}

}  // namespace lowsky
