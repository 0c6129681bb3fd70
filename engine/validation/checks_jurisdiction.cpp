// Corridors across borders and inside Hong Kong and Macau: each authority's own ceiling and
// distance from aerodromes, and the cross-border approval a crossing needs.
#include <cstdio>

#include "airspace/jurisdiction.h"
#include "energy/energy_model.h"
#include "geo/planar.h"
#include "scenario/altitude.h"
#include "validation/checks.h"

namespace lowsky::checks {

namespace {

std::string where(GeoPoint p) {
    char text[48];
    std::snprintf(text, sizeof text, "%.5f, %.5f", p.lat_deg, p.lon_deg);
    return text;
}

// The drone types a corridor admits against the weight class each jurisdiction it enters
// allows without its permission: one finding per jurisdiction and type.
void weight_classes(const Context& c, const Corridor& corridor, const std::vector<JurisdictionStretch>& stretches) {
    const Scenario& s = c.compiled.scenario();
    for (Jurisdiction j : {Jurisdiction::Mainland, Jurisdiction::HongKong, Jurisdiction::Macau}) {
        const JurisdictionStretch* inside = nullptr;
        for (const JurisdictionStretch& stretch : stretches) if (stretch.jurisdiction == j && !inside) inside = &stretch;
        if (!inside) continue;
        const double limit = j == Jurisdiction::Mainland ? s.rules.max_takeoff_mass_kg : s.rules.of(j)->max_takeoff_mass_kg;
        // Crossing into Hong Kong or Macau is flown under the border approval; the mainland's under the corridor's own.
        const std::string& approval = j != Jurisdiction::Mainland && !corridor.border_approval.empty() ? corridor.border_approval : corridor.approval;
        for (const std::string& id : corridor.drone_types) {
            const DroneType* type = s.find_drone_type(id);
            if (!type) continue;
            const double mass = energy::mass_kg(*type, type->max_payload_kg);  // its heaviest take-off
            if (mass <= limit) continue;
            Finding f;
            f.object_kind = "corridor";
            f.object = corridor.id;
            f.other = id;
            f.position = inside->points.front();
            f.check = approval.empty() ? "jurisdiction.over_weight_class" : "jurisdiction.over_weight_class_with_approval";
            f.severity = approval.empty() ? Severity::Error : Severity::Info;
            const std::string who = jurisdiction_name(j);
            char figures[128];
            std::snprintf(figures, sizeof figures, " (%.1f kg at its heaviest take-off), above the %.0f kg", mass, limit);
            f.message = (j == Jurisdiction::Mainland ? std::string("Mainland") : who) + ": corridor " + corridor.id + " admits drone type " + id + figures + " that " + who + " allows without permission" +
                        (approval.empty() ? ", with no approval" : ", flown under approval \"" + approval + "\"");
            c.out.push_back(std::move(f));
        }
    }
}

}  // namespace

bool reaches_mainland(const Corridor& corridor) {
    for (const JurisdictionStretch& s : jurisdiction_stretches(corridor.centreline))
        if (s.jurisdiction == Jurisdiction::Mainland) return true;
    return false;
}

void jurisdictions(const Context& c) {
    const Scenario& s = c.compiled.scenario();
    const LocalFrame& frame = c.compiled.frame();
    for (const LocalCorridor& lc : c.compiled.corridors()) {
        if (!c.wants(lc.corridor)) continue;
        const Corridor& corridor = s.corridors[lc.corridor];
        const std::vector<BorderCrossing> crossings = border_crossings(corridor.centreline);
        if (!crossings.empty()) {
            std::string list;
            for (const BorderCrossing& x : crossings)
                list += std::string(list.empty() ? "" : "; ") + "from " + jurisdiction_name(x.from) + " into " + jurisdiction_name(x.to) + " at segment " +
                        std::to_string(x.segment) + " (" + where(x.at) + ")";
            Finding f;
            f.object_kind = "corridor";
            f.object = corridor.id;
            f.segment = int(crossings.front().segment);
            f.position = crossings.front().at;
            if (corridor.border_approval.empty()) {
                f.check = "border.crossing_without_approval";
                f.severity = Severity::Error;
                f.message = "corridor " + corridor.id + " crosses a border (" + list + "): a cross-border route needs the approval of each authority, and the corridor has no border_approval";
            } else {
                f.check = "border.crossing_with_approval";
                f.severity = Severity::Info;
                f.message = "corridor " + corridor.id + " crosses a border (" + list + ") under cross-border approval \"" + corridor.border_approval + "\"";
            }
            c.out.push_back(std::move(f));
        }
        // One finding per jurisdiction and rule, however many stretches the corridor has there.
        const std::vector<JurisdictionStretch> stretches = jurisdiction_stretches(corridor.centreline);
        weight_classes(c, corridor, stretches);
        for (Jurisdiction j : {Jurisdiction::HongKong, Jurisdiction::Macau}) {
            const JurisdictionRules* rules = s.rules.of(j);
            std::vector<const JurisdictionStretch*> inside;
            for (const JurisdictionStretch& stretch : stretches) if (stretch.jurisdiction == j) inside.push_back(&stretch);
            if (inside.empty()) continue;
            const std::string who = jurisdiction_name(j);
            if (corridor.band.ceiling.reference == AltitudeReference::AboveGround && corridor.band.ceiling.value_m > rules->ceiling_m_agl) {
                Finding f;
                f.object_kind = "corridor";
                f.object = corridor.id;
                f.position = inside.front()->points.front();
                const std::string what = who + ": corridor " + corridor.id + " reaches " + describe(corridor.band.ceiling) + " inside " + who + ", above its " +
                                         metres(rules->ceiling_m_agl) + " ceiling";
                const std::string& approval = corridor.border_approval.empty() ? corridor.approval : corridor.border_approval;
                f.check = approval.empty() ? "jurisdiction.above_ceiling" : "jurisdiction.above_ceiling_with_approval";
                f.severity = approval.empty() ? Severity::Error : Severity::Info;
                f.message = what + (approval.empty() ? ", with no approval" : ", flown under approval \"" + approval + "\"");
                c.out.push_back(std::move(f));
            }
            // The authority's distance from its own aerodromes' runways.
            for (const AirportZones& airport : s.airport_zones) {
                if (airport.jurisdiction != j || rules->aerodrome_distance_m <= 0) continue;
                planar::Closest nearest;
                nearest.distance_m = 1e300;
                for (const JurisdictionStretch* stretch : inside)
                    for (size_t k = 0; k + 1 < stretch->points.size(); ++k)
                        for (const Runway& rw : airport.runways) {
                            const planar::Closest d = planar::segment_segment(frame.to_local(stretch->points[k]), frame.to_local(stretch->points[k + 1]),
                                                                              frame.to_local(rw.end_a), frame.to_local(rw.end_b));
                            if (d.distance_m < nearest.distance_m) nearest = d;
                        }
                if (nearest.distance_m >= rules->aerodrome_distance_m) continue;
                Finding f;
                f.object_kind = "corridor";
                f.object = corridor.id;
                f.position = frame.to_geo(nearest.on_first);
                f.check = "jurisdiction.near_aerodrome";
                f.severity = Severity::Error;
                f.message = who + ": corridor " + corridor.id + " comes within " + metres(nearest.distance_m) + " of " + airport.icao + "'s runways; " + who +
                            "'s rule keeps drones " + metres(rules->aerodrome_distance_m) + " from aerodromes";
                c.out.push_back(std::move(f));
            }
        }
    }
}

}  // namespace lowsky::checks
