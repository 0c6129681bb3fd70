#include "mission/safety_gate.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "energy/energy_model.h"
#include "energy/wind.h"
#include "geo/geodesy.h"
#include "geo/planar.h"
#include "geo/segment_grid.h"

namespace lowsky {

namespace {

constexpr double kSampleStep_m = 25.0;
constexpr double kHeightTolerance_m = 1.0;
constexpr double kLocationAltMax_m = 83000.0;  // ArduPilot's LOCATION_ALT_MAX_M

std::string where_on_path(GeoPoint p, double h) {
    char text[96];
    std::snprintf(text, sizeof text, "path at %.6f, %.6f (height %.0f m above home)", p.lat_deg, p.lon_deg, h);
    return text;
}

bool px4_accepts(const MissionItem& item) {
    switch (item.command) {
        case mav::kNavWaypoint: case mav::kNavLand: case mav::kNavTakeoff: case mav::kNavVtolTakeoff: case mav::kNavVtolLand:
            return item.frame == mav::kFrameGlobal || item.frame == mav::kFrameGlobalRelativeAlt;
        case mav::kDoJump: case mav::kDoChangeSpeed: case mav::kNavReturnToLaunch: case mav::kNavDelay: case mav::kConditionDelay: case mav::kDoGripper:
        case mav::kDoVtolTransition:
            return item.frame == mav::kFrameMission;
        default:
            return false;  // 183 DO_SET_SERVO and 94 PAYLOAD_PLACE among them
    }
}

bool ardupilot_accepts(const MissionItem& item) {
    switch (item.command) {
        case mav::kNavWaypoint: case mav::kNavLand: case mav::kNavTakeoff: case mav::kNavVtolTakeoff: case mav::kNavVtolLand: case mav::kNavPayloadPlace:
            return item.frame == mav::kFrameGlobal || item.frame == mav::kFrameGlobalRelativeAlt || item.frame == mav::kFrameGlobalTerrainAlt;
        case mav::kDoJump: case mav::kDoChangeSpeed: case mav::kNavReturnToLaunch: case mav::kNavDelay: case mav::kConditionDelay:
        case mav::kDoGripper: case mav::kDoSetServo: case mav::kDoVtolTransition:
            return true;  // ArduPilot ignores the frame of commands without a location
        default:
            return false;
    }
}

}  // namespace

std::vector<GateFailure> check_items_for_firmware(const Mission& m) {
    std::vector<GateFailure> out;
    for (size_t i = 0; i < m.items.size(); ++i) {
        const MissionItem& it = m.items[i];
        const std::string where = "item " + std::to_string(i + 1) + " (command " + std::to_string(it.command) + ", frame " + std::to_string(it.frame) + ")";
        const bool ok = m.firmware == Firmware::Px4 ? px4_accepts(it) : ardupilot_accepts(it);
        if (!ok) out.push_back({"mission.firmware", std::string(to_string(m.firmware)) + " refuses this command in this frame", where});
        if (mav::is_positional(it.command)) {
            if (!std::isfinite(it.alt_m) || std::abs(it.alt_m) >= kLocationAltMax_m)
                out.push_back({"mission.firmware", "a positional item needs a finite altitude (never null)", where});
            if (!(std::abs(it.lat_deg) <= 90) || !(std::abs(it.lon_deg) <= 180) || (it.lat_deg == 0 && it.lon_deg == 0))
                out.push_back({"mission.firmware", "latitude or longitude out of range", where});
        }
        if (it.command == mav::kDoJump && (it.params[0] < 1 || it.params[0] > double(m.items.size())))
            out.push_back({"mission.firmware", "DO_JUMP to an item that does not exist", where});
    }
    return out;
}

GateReport check_mission(const CompiledScenario& compiled, const BuiltMission& built, const RouteRequest& request, const MissionOptions& options) {
    GateReport report;
    const Scenario& s = compiled.scenario();
    const DroneType* type = s.find_drone_type(request.drone_type);
    const auto& corridors = compiled.corridors();

    SegmentGrid grid(2000.0);
    for (uint32_t i = 0; i < corridors.size(); ++i) {
        for (uint32_t k = 0; k + 1 < corridors[i].points.size(); ++k) {
            planar::Box box;
            box.add(corridors[i].points[k]);
            box.add(corridors[i].points[k + 1]);
            grid.insert({i, k}, box.expanded(s.corridors[corridors[i].corridor].width_m / 2));
        }
    }
    // Heights along the path are above home; with no terrain model the ground is taken at the
    // take-off hub's elevation all along, so that true height and height above home agree.
    const double home_elevation = built.mission.home_alt_m_amsl;
    const GroundContext flat{home_elevation, home_elevation};
    const auto& path = built.flown_path;
    const auto& heights = built.flown_height_m;
    // Report each kind of failure once per stretch of path, not once per sample.
    std::string last_check;
    auto fail = [&](const char* check, const std::string& message, GeoPoint p, double h) {
        if (last_check == check) return;
        last_check = check;
        report.failures.push_back({check, message, where_on_path(p, h)});
    };

    for (size_t i = 0; i + 1 < path.size(); ++i) {
        const double length = geodesy::distance_m(path[i], path[i + 1]);
        const int steps = std::max(1, int(std::ceil(length / kSampleStep_m)));
        const LocalPoint a = compiled.frame().to_local(path[i]), b = compiled.frame().to_local(path[i + 1]);
        for (int k = (i == 0 ? 0 : 1); k <= steps; ++k) {
            const double t = double(k) / steps;
            const LocalPoint p{a.east_m + (b.east_m - a.east_m) * t, a.north_m + (b.north_m - a.north_m) * t};
            const double h = heights[i] + (heights[i + 1] - heights[i]) * t;  // above home: true height over flat ground
            const GeoPoint g = compiled.frame().to_geo(p);
            bool in_corridor = false, approved = false;
            grid.query(planar::Box{p.east_m, p.north_m, p.east_m, p.north_m}, [&](SegmentRef ref) {
                const LocalCorridor& lc = corridors[ref.corridor];
                const Corridor& c = s.corridors[lc.corridor];
                if (std::find(c.drone_types.begin(), c.drone_types.end(), type->id) == c.drone_types.end()) return;
                if (planar::point_segment(p, lc.points[ref.segment], lc.points[ref.segment + 1]).distance_m > c.width_m / 2) return;
                const auto lo = convert(c.band.floor, AltitudeReference::AboveGround, flat);
                const auto hi = convert(c.band.ceiling, AltitudeReference::AboveGround, flat);
                if (!lo || !hi || h < *lo - kHeightTolerance_m || h > *hi + kHeightTolerance_m) return;
                in_corridor = true;
                approved = approved || !c.approval.empty();
            });
            bool at_node = false;
            for (const Node& n : compiled.nodes()) at_node = at_node || planar::distance(p, n.local) <= s.rules.hub_approach_radius_m;
            if (!in_corridor && !at_node) {
                fail("mission.outside_corridor", "the flight leaves its corridors' volumes (width and altitude band)", g, h);
                continue;
            }
            for (const LocalZone& lz : compiled.local_zones()) {
                const Zone& zone = compiled.zones()[lz.zone];
                if (zone.kind != ZoneKind::NoFly) continue;
                const bool inside = lz.circle ? planar::distance(p, lz.center) <= lz.radius_m : planar::polygon_contains(lz.polygon, p);
                if (!inside) continue;
                const auto lo = convert(zone.band.floor, AltitudeReference::AboveGround, flat);
                const auto hi = convert(zone.band.ceiling, AltitudeReference::AboveGround, flat);
                if (!lo || !hi || (h >= *lo && h <= *hi)) fail("mission.no_fly", "the flight enters no-fly zone " + zone.id + " (" + zone.name + ")", g, h);
            }
            if (h > s.rules.ceiling_m_agl + kHeightTolerance_m && !approved)
                fail("mission.above_ceiling", "the flight climbs above the " + std::to_string(int(s.rules.ceiling_m_agl)) + " m true-height ceiling outside an approved corridor", g, h);
            if (in_corridor || at_node) last_check.clear();
        }
    }

    // Energy: the cruise legs in the wind of their altitude band, the vertical parts, the hover
    // at the drop, with the reserve kept.
    const energy::Air air{s.rules.air_density_kg_m3};
    auto route_energy = [&](const Route& r, double payload, bool& feasible) {
        double wh = 0;
        for (const auto& leg : r.legs) {
            const auto cruise = energy::cruise_with_wind(*type, payload, leg.path, leg.speed_m_s, leg.height_m, s.wind, s.rules.air_density_kg_m3);
            feasible = feasible && cruise.feasible;
            const double still_cruise_wh = energy::cruise_power_w(*type, payload, leg.speed_m_s, air) * (leg.distance_m / leg.speed_m_s) / 3600;
            wh += leg.energy_wh - still_cruise_wh + cruise.energy_wh;  // the router's vertical costs, the wind's cruise
        }
        return wh + energy::descent_power_w(*type, payload, air) * r.descent_s / 3600;
    };
    bool feasible = true;
    report.energy_wh = route_energy(built.outbound, built.outbound.payload_kg, feasible);
    if (options.delivery == Delivery::HoverRelease)
        report.energy_wh += energy::hover_power_w(*type, built.outbound.payload_kg, air) * (options.release_hold_s + options.release_settle_s) / 3600;
    if (built.inbound) report.energy_wh += route_energy(*built.inbound, 0.0, feasible);
    if (options.return_mode == ReturnMode::Rtl) {
        const double d = geodesy::distance_m(path.back(), built.mission.home);
        report.energy_wh += energy::cruise_power_w(*type, 0, type->cruise_speed_m_s, air) * d / type->cruise_speed_m_s / 3600;
    }
    report.usable_energy_wh = type->battery_wh * (1 - s.rules.energy_reserve_fraction);
    char text[160];
    if (!feasible) report.failures.push_back({"mission.energy", "the wind is too strong for this drone to make headway on some segment", "route"});
    if (report.energy_wh > report.usable_energy_wh) {
        std::snprintf(text, sizeof text, "needs %.0f Wh, wind included; the battery gives %.0f Wh keeping the %.0f %% reserve", report.energy_wh,
                      report.usable_energy_wh, s.rules.energy_reserve_fraction * 100);
        report.failures.push_back({"mission.energy", text, "whole mission"});
    }
    for (auto& f : check_items_for_firmware(built.mission)) report.failures.push_back(std::move(f));
    return report;
}

}  // namespace lowsky
