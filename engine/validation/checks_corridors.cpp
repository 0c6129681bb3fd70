// Corridors against each other and against what their drones can fly.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

#include "energy/energy_model.h"
#include "validation/checks.h"

namespace lowsky::checks {

namespace {

std::string fmt(const char* format, double v) {
    char text[48];
    std::snprintf(text, sizeof text, format, v);
    return text;
}

// Nodes both corridors end at: where they are allowed to meet.
std::vector<int> shared_nodes(const LocalCorridor& a, const LocalCorridor& b) {
    std::vector<int> shared;
    for (int n : {a.start_node, a.end_node}) {
        if (n >= 0 && (n == b.start_node || n == b.end_node) && std::find(shared.begin(), shared.end(), n) == shared.end()) shared.push_back(n);
    }
    return shared;
}

}  // namespace

void corridor_pairs(const Context& c) {
    const Scenario& s = c.compiled.scenario();
    const auto& corridors = c.compiled.corridors();
    const auto& nodes = c.compiled.nodes();
    struct Worst {
        double intrusion_m = -1e300;
        int segment = -1;
        LocalPoint at;
        int places = 0;  // pairs of segments too close
    };
    const double reach = c.max_half_width_m * 2 + s.rules.lateral_separation_m;
    for (uint32_t i = 0; i < corridors.size(); ++i) {
        const LocalCorridor& a = corridors[i];
        const Corridor& ca = s.corridors[a.corridor];
        // After an edit, a corridor not edited matters only for its pairs with one that was.
        if (!c.wants(i) && !a.box.expanded(reach).overlaps(c.only_box)) continue;
        std::map<uint32_t, Worst> worst;  // by the other corridor
        for (uint32_t k = 0; k + 1 < a.points.size(); ++k) {
            planar::Box box;
            box.add(a.points[k]);
            box.add(a.points[k + 1]);
            c.segments.query(box.expanded(ca.width_m / 2 + c.max_half_width_m + s.rules.lateral_separation_m), [&](SegmentRef ref) {
                if (ref.corridor <= i) return;  // each pair once, and never a corridor with itself
                if (!c.wants(i) && !c.wants(ref.corridor)) return;
                const LocalCorridor& b = corridors[ref.corridor];
                const Corridor& cb = s.corridors[b.corridor];
                // Where both corridors end at the same node they may converge inside its approach
                // radius: compare only what lies outside it.
                std::optional<std::pair<LocalPoint, LocalPoint>> p{{a.points[k], a.points[k + 1]}};
                std::optional<std::pair<LocalPoint, LocalPoint>> q{{b.points[ref.segment], b.points[ref.segment + 1]}};
                for (int n : shared_nodes(a, b)) {
                    if (p) p = planar::outside_circle(p->first, p->second, nodes[size_t(n)].local, s.rules.hub_approach_radius_m);
                    if (q) q = planar::outside_circle(q->first, q->second, nodes[size_t(n)].local, s.rules.hub_approach_radius_m);
                }
                if (!p || !q) return;
                const auto closest = planar::segment_segment(p->first, p->second, q->first, q->second);
                const double needed = ca.width_m / 2 + cb.width_m / 2 + s.rules.lateral_separation_m;
                const double intrusion = needed - closest.distance_m;
                if (intrusion <= 0) return;
                Worst& w = worst[ref.corridor];
                ++w.places;
                if (intrusion > w.intrusion_m) {
                    w.intrusion_m = intrusion;
                    w.segment = int(k);
                    w.at = closest.on_first;
                }
            });
        }
        for (const auto& [j, w] : worst) {
            const Corridor& cb = s.corridors[corridors[j].corridor];
            const Overlap vertical = bands_overlap(ca.band, cb.band, s.rules.vertical_separation_m, {});
            if (vertical == Overlap::No) continue;
            Finding f;
            f.check = "corridor.conflict";
            f.severity = Severity::Error;
            f.object_kind = "corridor";
            f.object = ca.id;
            f.other = cb.id;
            f.segment = w.segment;
            f.places = w.places;
            f.position = to_geo(c, w.at);
            f.message = "corridors " + ca.id + " and " + cb.id + " come " + fmt("%.0f m", w.intrusion_m) +
                        " closer than their half-widths and the " + fmt("%.0f m", s.rules.lateral_separation_m) + " lateral separation allow, " +
                        (vertical == Overlap::Yes ? "with less than " + fmt("%.0f m", s.rules.vertical_separation_m) + " between their altitude bands"
                                                  : std::string("and their altitude references differ, so vertical separation cannot be shown")) +
                        " (segment " + std::to_string(w.segment) + " of " + ca.id +
                        (w.places > 1 ? ", the closest of " + std::to_string(w.places) + " places" : std::string()) + ")";
            c.out.push_back(std::move(f));
        }
    }
}

void speeds(const Context& c) {
    const Scenario& s = c.compiled.scenario();
    for (const LocalCorridor& lc : c.compiled.corridors()) {
        if (!c.wants(lc.corridor)) continue;
        const Corridor& corridor = s.corridors[lc.corridor];
        for (const auto& type_id : corridor.drone_types) {
            const DroneType* t = s.find_drone_type(type_id);
            if (!t || t->min_airspeed_m_s <= 0 || corridor.speed_limit_m_s >= t->min_airspeed_m_s) continue;
            Finding f;
            f.check = "corridor.below_min_airspeed";
            f.severity = Severity::Error;
            f.object_kind = "corridor";
            f.object = corridor.id;
            f.other = t->id;
            if (!lc.points.empty()) f.position = to_geo(c, lc.points.front());
            f.message = "corridor " + corridor.id + " is limited to " + fmt("%.0f m/s", corridor.speed_limit_m_s) + ", below the " +
                        fmt("%.0f m/s", t->min_airspeed_m_s) + " " + t->id + " needs to stay on its wing: that type cannot fly it";
            c.out.push_back(std::move(f));
        }
    }
}

void turns(const Context& c) {
    const Scenario& s = c.compiled.scenario();
    for (const LocalCorridor& lc : c.compiled.corridors()) {
        if (!c.wants(lc.corridor)) continue;
        const Corridor& corridor = s.corridors[lc.corridor];
        for (size_t k = 1; k + 1 < lc.points.size(); ++k) {
            const double theta = planar::turn_angle_deg(lc.points[k - 1], lc.points[k], lc.points[k + 1]);
            if (theta < 1e-6) continue;
            const double leg_in = lc.along_m[k] - lc.along_m[k - 1], leg_out = lc.along_m[k + 1] - lc.along_m[k];
            std::string cannot;
            bool fixed_wing = false;
            double worst_radius = 0;
            for (const auto& type_id : corridor.drone_types) {
                const DroneType* t = s.find_drone_type(type_id);
                if (!t || t->min_turn_radius_m <= 0) continue;
                const double r = t->min_turn_radius_m;
                if (planar::fly_by_fits(theta, leg_in, leg_out, r, corridor.width_m / 2)) continue;
                cannot += (cannot.empty() ? "" : ", ") + t->id;
                fixed_wing |= t->airframe == Airframe::VtolFixedWing;
                worst_radius = std::max(worst_radius, r);
            }
            if (cannot.empty()) continue;
            Finding f;
            f.check = "corridor.turn_too_sharp";
            f.severity = fixed_wing ? Severity::Error : Severity::Warning;
            f.object_kind = "corridor";
            f.object = corridor.id;
            f.segment = int(k);
            f.position = to_geo(c, lc.points[k]);
            f.message = "corridor " + corridor.id + " turns " + fmt("%.0f", theta) + " degrees at point " + std::to_string(k) + ": " + cannot +
                        " (turn radius up to " + fmt("%.0f m", worst_radius) + " at cruise) cannot fly it inside the " +
                        fmt("%.0f m", corridor.width_m) + " width" + (fixed_wing ? "" : "; multirotors must slow down there");
            c.out.push_back(std::move(f));
        }
    }
}

void ends(const Context& c) {
    const Scenario& s = c.compiled.scenario();
    for (const LocalCorridor& lc : c.compiled.corridors()) {
        if (!c.wants(lc.corridor)) continue;
        const Corridor& corridor = s.corridors[lc.corridor];
        for (const bool start : {true, false}) {
            if ((start ? lc.start_node : lc.end_node) >= 0) continue;
            Finding f;
            f.check = "corridor.dangling_end";
            f.severity = Severity::Error;
            f.object_kind = "corridor";
            f.object = corridor.id;
            f.segment = start ? 0 : int(lc.points.size()) - 2;
            f.position = start ? corridor.centreline.front() : corridor.centreline.back();
            f.message = "corridor " + corridor.id + (start ? " starts" : " ends") + " at no hub and no junction (none within " +
                        fmt("%.0f m", s.rules.node_snap_m) + "); add a junction where it meets another corridor, or move the end";
            c.out.push_back(std::move(f));
        }
    }
}

void range(const Context& c) {
    const Scenario& s = c.compiled.scenario();
    const energy::Air air{s.rules.air_density_kg_m3};
    for (const LocalCorridor& lc : c.compiled.corridors()) {
        if (!c.wants(lc.corridor)) continue;
        const Corridor& corridor = s.corridors[lc.corridor];
        double best_empty = 0, best_loaded = 0;
        for (const auto& type_id : corridor.drone_types) {
            const DroneType* t = s.find_drone_type(type_id);
            if (!t) continue;
            best_empty = std::max(best_empty, energy::cruise_range_m(*t, 0.0, s.rules.energy_reserve_fraction, air));
            best_loaded = std::max(best_loaded, energy::cruise_range_m(*t, t->max_payload_kg, s.rules.energy_reserve_fraction, air));
        }
        if (lc.length_m <= best_loaded) continue;
        Finding f;
        f.object_kind = "corridor";
        f.object = corridor.id;
        f.position = corridor.centreline.front();
        const std::string reserve = fmt("%.0f %%", s.rules.energy_reserve_fraction * 100);
        if (lc.length_m > best_empty) {
            f.check = "corridor.beyond_range";
            f.severity = Severity::Error;
            f.message = "corridor " + corridor.id + " is " + fmt("%.1f km", lc.length_m / 1000) + " long; the best of its drone types flies " +
                        fmt("%.1f km", best_empty / 1000) + " empty at cruise with a " + reserve + " reserve";
        } else {
            f.check = "corridor.beyond_loaded_range";
            f.severity = Severity::Warning;
            f.message = "corridor " + corridor.id + " is " + fmt("%.1f km", lc.length_m / 1000) + " long; at full payload its drone types fly at most " +
                        fmt("%.1f km", best_loaded / 1000) + " with a " + reserve + " reserve, so loads must be lighter";
        }
        c.out.push_back(std::move(f));
    }
}

}  // namespace lowsky::checks
