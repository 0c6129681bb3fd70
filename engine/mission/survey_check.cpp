#include "mission/survey_check.h"

#include <algorithm>
#include <cstdio>

#include "airspace/jurisdiction.h"

namespace lowsky {

namespace {

// A zone's band at the survey: the ground under it taken as home's (no terrain model).
bool band_holds(const AltitudeBand& band, double height_amsl, double ground_amsl, double home_amsl) {
    auto amsl = [&](const Altitude& a) {
        return a.reference == AltitudeReference::Amsl ? a.value_m : a.reference == AltitudeReference::AboveTakeoff ? home_amsl + a.value_m : ground_amsl + a.value_m;
    };
    return height_amsl >= amsl(band.floor) && height_amsl <= amsl(band.ceiling);
}

std::string where_of(GeoPoint a, GeoPoint b) {
    char text[120];
    std::snprintf(text, sizeof text, "path from %.5f, %.5f to %.5f, %.5f", a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg);
    return text;
}

}  // namespace

SurveyCheck check_survey(const CompiledScenario& compiled, const SurveyPattern& pattern, const SurveyFlight& flight, const DroneType& type) {
    SurveyCheck out;
    const Scenario& s = compiled.scenario();
    out.figures = fly_survey(pattern, flight, type, s);
    std::vector<GeoPoint> path{flight.home};
    for (const SurveyLine& line : pattern.lines) {
        path.push_back(line.from);
        path.insert(path.end(), line.via.begin(), line.via.end());
        path.push_back(line.to);
    }
    path.push_back(flight.home);
    const double ground = flight.home_alt_m_amsl, height = ground + flight.height_m;

    // Zones: one finding per zone, at the first piece of the path that meets it.
    std::vector<char> met(compiled.local_zones().size(), 0);
    for (size_t i = 0; i + 1 < path.size(); ++i) {
        const LocalPoint a = compiled.frame().to_local(path[i]), b = compiled.frame().to_local(path[i + 1]);
        planar::Box box;
        box.add(a);
        box.add(b);
        for (size_t z = 0; z < compiled.local_zones().size(); ++z) {
            const LocalZone& lz = compiled.local_zones()[z];
            if (met[z] || !box.overlaps(lz.box) || compiled.segment_to_zone(a, b, lz).distance_m > 0) continue;
            const Zone& zone = compiled.zones()[lz.zone];
            if (!band_holds(zone.band, height, ground, flight.home_alt_m_amsl)) continue;
            met[z] = 1;
            if (zone.kind == ZoneKind::NoFly)
                out.errors.push_back({"survey.no_fly", "the survey enters no-fly zone " + zone.id + " (" + zone.name + ")", where_of(path[i], path[i + 1])});
            else
                out.warnings.push_back({"survey.approval", "the survey flies in " + std::string(zone.kind == ZoneKind::Controlled ? "controlled" : "restricted") +
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
        std::snprintf(text, sizeof text, "%s: the survey flies %.0f m above the ground, over the %.0f m ceiling", jurisdiction_name(stretch.jurisdiction),
                      flight.height_m, ceiling);
        const bool whole = stretch.points.size() == path.size();
        out.errors.push_back({"survey.above_ceiling", text, whole ? "the whole survey" : where_of(stretch.points.front(), stretch.points.back())});
    }
    if (!out.figures.within_battery()) {
        char text[200];
        std::snprintf(text, sizeof text, "needs %.0f Wh; %s gives %.0f Wh keeping the %.0f %% reserve", out.figures.energy_wh, type.id.c_str(),
                      out.figures.usable_energy_wh, s.rules.energy_reserve_fraction * 100);
        out.errors.push_back({"survey.energy", text, "the whole survey"});
    }
    for (GateFailure& f : check_items_for_firmware(survey_mission(pattern, flight))) out.errors.push_back(std::move(f));
    return out;
}

}  // namespace lowsky
