#include "mission/survey_check.h"

#include <algorithm>
#include <cstdio>

#include "airspace/jurisdiction.h"

namespace lowsky {

namespace {

// Does a zone's band hold the flight's height? The ground under it is taken as home's (no
// terrain model); a band that cannot be placed is taken to hold it.
bool band_holds(const AltitudeBand& band, double height_amsl, double home_amsl) {
    const GroundContext ground{home_amsl, home_amsl};
    const auto floor = convert(band.floor, AltitudeReference::Amsl, ground), ceiling = convert(band.ceiling, AltitudeReference::Amsl, ground);
    return (!floor || height_amsl >= *floor) && (!ceiling || height_amsl <= *ceiling);
}

std::string where_of(GeoPoint a, GeoPoint b) {
    char text[120];
    std::snprintf(text, sizeof text, "path from %.5f, %.5f to %.5f, %.5f", a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg);
    return text;
}

// The checks of a flight at one height above home along `path` (home first and last), named
// `kind` + ".…".
struct PathFlight {
    const char* kind;  // "inspection", "sightseeing": the checks' prefix
    const char* noun;  // "inspection", "sightseeing loop": in messages
    std::vector<GeoPoint> path;
    double home_alt_m_amsl = 0, height_m = 0, speed_m_s = 0;
};

SurveyCheck check_path(const CompiledScenario& compiled, const PathFlight& flight, const DroneType& type, SurveyFigures figures, const Mission& mission) {
    SurveyCheck out;
    out.figures = figures;
    const Scenario& s = compiled.scenario();
    const std::string kind = flight.kind, noun = flight.noun;
    const std::vector<GeoPoint>& path = flight.path;
    const double ground = flight.home_alt_m_amsl, height = ground + flight.height_m;
    // Zones: one finding per zone, at the first piece of the path that meets it.
    std::vector<char> met(compiled.local_zones().size(), 0);
    for (size_t i = 0; i + 1 < path.size(); ++i) {
        for (size_t z : compiled.zones_met(path[i], path[i + 1])) {
            const Zone& zone = compiled.zones()[compiled.local_zones()[z].zone];
            if (met[z] || !band_holds(zone.band, height, flight.home_alt_m_amsl)) continue;
            met[z] = 1;
            if (zone.kind == ZoneKind::NoFly)
                out.errors.push_back({kind + ".no_fly", "the " + noun + " enters no-fly zone " + zone.id + " (" + zone.name + ")", where_of(path[i], path[i + 1])});
            else
                out.warnings.push_back({kind + ".approval", "the " + noun + " flies in " + std::string(zone.kind == ZoneKind::Controlled ? "controlled" : "restricted") +
                                                                 " zone " + zone.id + " (" + zone.name + "): it needs the approval of its authority",
                                        where_of(path[i], path[i + 1])});
        }
    }
    // The ceiling of each jurisdiction the path is in (true height: the ground taken as home's).
    std::vector<Jurisdiction> seen;
    for (const JurisdictionStretch& stretch : jurisdiction_stretches(path)) {
        if (std::find(seen.begin(), seen.end(), stretch.jurisdiction) != seen.end()) continue;
        seen.push_back(stretch.jurisdiction);
        const JurisdictionRules* own = s.rules.of(stretch.jurisdiction);
        const double ceiling = own ? own->ceiling_m_agl : s.rules.ceiling_m_agl;
        if (flight.height_m <= ceiling) continue;
        char text[200];
        std::snprintf(text, sizeof text, "%s: the %s flies %.0f m above the ground, over the %.0f m ceiling", jurisdiction_name(stretch.jurisdiction), flight.noun,
                      flight.height_m, ceiling);
        const bool whole = stretch.points.size() == path.size();
        out.errors.push_back({kind + ".above_ceiling", text, whole ? "the whole " + noun : where_of(stretch.points.front(), stretch.points.back())});
    }
    char text[200];
    if (flight.speed_m_s > type.max_speed_m_s) {
        std::snprintf(text, sizeof text, "%.1f m/s is over what %s flies (%.1f m/s)", flight.speed_m_s, type.id.c_str(), type.max_speed_m_s);
        out.errors.push_back({kind + ".too_fast", text, "the whole " + noun});
    }
    if (!out.figures.within_battery()) {
        std::snprintf(text, sizeof text, "needs %.0f Wh; %s gives %.0f Wh keeping the %.0f %% reserve", out.figures.energy_wh, type.id.c_str(),
                      out.figures.usable_energy_wh, s.rules.energy_reserve_fraction * 100);
        out.errors.push_back({kind + ".energy", text, "the whole " + noun});
    }
    for (GateFailure& f : check_items_for_firmware(mission)) out.errors.push_back(std::move(f));
    return out;
}

}  // namespace

SurveyCheck check_survey(const CompiledScenario& compiled, const SurveyPattern& pattern, const SurveyFlight& flight, const DroneType& type) {
    PathFlight p{"inspection", "inspection", {flight.home}, flight.home_alt_m_amsl, flight.height_m, flight.speed_m_s};
    for (const SurveyLine& line : pattern.lines) {
        p.path.push_back(line.from);
        p.path.insert(p.path.end(), line.via.begin(), line.via.end());
        p.path.push_back(line.to);
    }
    p.path.push_back(flight.home);
    return check_path(compiled, p, type, fly_survey(pattern, flight, type, compiled.scenario()), survey_mission(pattern, flight));
}

SurveyCheck check_sightseeing(const CompiledScenario& compiled, const SightseeingLoop& loop, const SightseeingSpec& spec, const DroneType& type) {
    PathFlight p{"sightseeing", "sightseeing loop", {spec.home}, spec.home_alt_m_amsl, spec.height_m, spec.speed_m_s};
    p.path.insert(p.path.end(), loop.viewpoints.begin(), loop.viewpoints.end());
    p.path.push_back(spec.home);
    return check_path(compiled, p, type, fly_sightseeing(loop, spec, type, compiled.scenario()), loop.mission);
}

}  // namespace lowsky
