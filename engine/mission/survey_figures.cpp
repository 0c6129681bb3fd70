#include "mission/survey_figures.h"

#include "flight/autopilot.h"
#include "flight/flight.h"

namespace lowsky {

namespace {

SurveyFigures figures_of(const flight::Flight& f, const DroneType& type, const Scenario& scenario) {
    SurveyFigures out;
    out.distance_m = f.totals().distance_m;
    out.time_s = f.totals().time_s;
    out.energy_wh = f.totals().energy_wh;
    out.usable_energy_wh = flight::energy_verdict(out.energy_wh, type, scenario.rules.energy_reserve_fraction).usable_wh;
    return out;
}

}  // namespace

void fly_sightseeing_to_home(flight::Flight& f, const SightseeingLoop& loop, const SightseeingSpec& spec) {
    const HeightAmsl ground(spec.home_alt_m_amsl);
    f.take_off(ground.above(spec.height_m));
    for (const GeoPoint& viewpoint : loop.viewpoints) {
        f.fly_direct(viewpoint, spec.speed_m_s, ground);
        f.hover(spec.look_s);
    }
    f.fly_direct(spec.home, f.model().autopilot.default_speed_m_s, ground);
}

SurveyFigures fly_sightseeing(const SightseeingLoop& loop, const SightseeingSpec& spec, const DroneType& type, const Scenario& scenario) {
    const flight::Model model = flight::make_model(type, lowsky_parameters(spec.firmware, type), scenario);
    flight::Powers powers(model, 0);
    flight::Flight f(model, powers, false);
    const HeightAmsl ground(spec.home_alt_m_amsl);
    f.start(spec.home, ground, 0);
    fly_sightseeing_to_home(f, loop, spec);
    f.land(ground);
    return figures_of(f, type, scenario);
}

SurveyFigures fly_survey(const SurveyPattern& pattern, const SurveyFlight& flight, const DroneType& type, const Scenario& scenario) {
    const flight::Model model = flight::make_model(type, lowsky_parameters(flight.firmware, type), scenario);
    flight::Powers powers(model, 0);
    flight::Flight f(model, powers, false);
    const HeightAmsl ground(flight.home_alt_m_amsl);
    const HeightAmsl height = ground.above(flight.height_m);
    f.start(flight.home, ground, 0);
    f.take_off(height);
    if (!pattern.lines.empty()) {
        // One leg through every waypoint of the mission, from above home.
        std::vector<GeoPoint> path{flight.home};
        for (const SurveyLine& line : pattern.lines) {
            path.push_back(line.from);
            path.insert(path.end(), line.via.begin(), line.via.end());
            path.push_back(line.to);
        }
        const flight::LegGeometry leg = flight::make_leg(std::move(path), height, ground, flight.speed_m_s);
        f.follow({&leg});
    }
    f.fly_direct(flight.home, model.autopilot.default_speed_m_s, ground);
    f.land(ground);
    return figures_of(f, type, scenario);
}

}  // namespace lowsky
