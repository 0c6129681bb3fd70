#include "mission/safety_gate.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "energy/energy_model.h"
#include "energy/wind.h"
#include "geo/geodesy.h"
#include "geo/planar.h"
#include "geo/segment_grid.h"
#include "mission/flown_envelope.h"

namespace lowsky {

namespace {

constexpr double kSampleStep_m = 25.0;
constexpr double kHeightTolerance_m = 1.0;
constexpr double kLocationAltMax_m = 83000.0;  // ArduPilot's LOCATION_ALT_MAX_M

bool px4_accepts(const MissionItem& item) {
    switch (item.command) {
        case mav::kNavWaypoint: case mav::kNavLand: case mav::kNavTakeoff: case mav::kNavVtolTakeoff: case mav::kNavVtolLand:
        case mav::kNavLoiterTime: case mav::kNavLoiterToAlt:
            return item.frame == mav::kFrameGlobal || item.frame == mav::kFrameGlobalRelativeAlt;
        case mav::kDoJump: case mav::kDoChangeSpeed: case mav::kNavReturnToLaunch: case mav::kNavDelay: case mav::kConditionDelay: case mav::kDoGripper:
        case mav::kDoVtolTransition: case mav::kDoSetCamTriggDist:  // camera commands are on PX4's frame-2 list
            return item.frame == mav::kFrameMission;
        case 201:  // DO_SET_ROI, only as a location
            return item.params[0] == 3 && (item.frame == mav::kFrameGlobal || item.frame == mav::kFrameGlobalRelativeAlt);
        default:
            return false;  // 183 DO_SET_SERVO and 94 PAYLOAD_PLACE among them
    }
}

bool ardupilot_accepts(const MissionItem& item) {
    switch (item.command) {
        case mav::kNavWaypoint: case mav::kNavLand: case mav::kNavTakeoff: case mav::kNavVtolTakeoff: case mav::kNavVtolLand: case mav::kNavPayloadPlace:
        case mav::kNavLoiterTime: case mav::kNavLoiterToAlt:
            return item.frame == mav::kFrameGlobal || item.frame == mav::kFrameGlobalRelativeAlt || item.frame == mav::kFrameGlobalTerrainAlt;
        case mav::kDoJump: case mav::kDoChangeSpeed: case mav::kNavReturnToLaunch: case mav::kNavDelay: case mav::kConditionDelay:
        case mav::kDoGripper: case mav::kDoSetServo: case mav::kDoVtolTransition: case mav::kDoSetCamTriggDist:
            return true;  // ArduPilot ignores the frame of commands without a location
        case 201:  // DO_SET_ROI carries a location: its frame counts
            return item.frame == mav::kFrameGlobal || item.frame == mav::kFrameGlobalRelativeAlt || item.frame == mav::kFrameGlobalTerrainAlt;
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
            // 0, 0 is "here" for ArduPilot's take-offs and landings (they fly from where the vehicle is).
            const bool here = m.firmware == Firmware::ArduPilot && it.lat_deg == 0 && it.lon_deg == 0 &&
                              (it.command == mav::kNavTakeoff || it.command == mav::kNavVtolTakeoff || it.command == mav::kNavLand || it.command == mav::kNavVtolLand);
            if (!(std::abs(it.lat_deg) <= 90) || !(std::abs(it.lon_deg) <= 180) || (it.lat_deg == 0 && it.lon_deg == 0 && !here))
                out.push_back({"mission.firmware", "latitude or longitude out of range", where});
        }
        if (it.command == mav::kDoJump && (it.params[0] < 1 || it.params[0] > double(m.items.size())))
            out.push_back({"mission.firmware", "DO_JUMP to an item that does not exist", where});
    }
    return out;
}

namespace {

// Failures along the path, one per stretch: consecutive samples that fail the same way (the
// same check and, for zones, the same zone) make one failure with its extent.
class Stretches {
public:
    explicit Stretches(HeightAmsl home) : home_(home) {}

    void fail(const std::string& key, const char* check, const std::string& message, GeoPoint p, HeightAmsl h, size_t sample) {
        for (Open& o : open_) {
            if (o.key != key || o.last_sample + 1 != sample) continue;
            o.last = p;
            o.lo = std::min(o.lo, h.m);
            o.hi = std::max(o.hi, h.m);
            o.last_sample = sample;
            return;
        }
        open_.push_back({key, check, message, p, p, h.m, h.m, sample});
    }
    // Closes the stretches the sample `sample` did not extend.
    void after(size_t sample, std::vector<GateFailure>& out) {
        for (size_t i = 0; i < open_.size();) {
            if (open_[i].last_sample == sample) { ++i; continue; }
            close(open_[i], out);
            open_.erase(open_.begin() + long(i));
        }
    }
    void finish(std::vector<GateFailure>& out) {
        for (const Open& o : open_) close(o, out);
        open_.clear();
    }

private:
    struct Open {
        std::string key, check, message;
        GeoPoint first, last;
        double lo, hi;
        size_t last_sample;
    };
    void close(const Open& o, std::vector<GateFailure>& out) const {
        char text[200];
        std::snprintf(text, sizeof text, "path from %.6f, %.6f to %.6f, %.6f at %.0f-%.0f m AMSL (%.0f-%.0f m above home)", o.first.lat_deg,
                      o.first.lon_deg, o.last.lat_deg, o.last.lon_deg, o.lo, o.hi, o.lo - home_.m, o.hi - home_.m);
        out.push_back({o.check, o.message, text});
    }
    HeightAmsl home_;
    std::vector<Open> open_;
};

// A true-height or AMSL altitude as AMSL over a ground elevation.
HeightAmsl amsl(const Altitude& a, HeightAmsl ground) {
    return a.reference == AltitudeReference::Amsl ? HeightAmsl(a.value_m) : ground.above(a.value_m);
}

// A VTOL's approaches: ArduPlane refuses to arm when a VTOL landing follows a waypoint closer
// than it needs to slow from its airspeed (three quarters of v² / 2 Q_TRANS_DECEL).
void check_vtol_approaches(const BuiltMission& built, const DroneType& type, std::vector<GateFailure>& out) {
    const double min_m = vtol_min_approach_m(built.outbound.autopilot, type.cruise_speed_m_s);
    const MissionItem* previous = nullptr;
    const auto& items = built.mission.items;
    for (size_t i = 0; i < items.size(); ++i) {
        const MissionItem& it = items[i];
        if (!mav::is_positional(it.command)) continue;
        const bool landing = it.command == mav::kNavVtolLand || it.command == mav::kNavLand;
        if (landing && previous && previous->command == mav::kNavWaypoint) {
            const double d = geodesy::distance_m({previous->lat_deg, previous->lon_deg}, {it.lat_deg, it.lon_deg});
            if (d < min_m) {
                char text[200];
                std::snprintf(text, sizeof text, "the last waypoint is %.0f m before the VTOL landing; at %.0f m/s the aircraft needs %.0f m (ArduPlane will not arm)",
                              d, type.cruise_speed_m_s, min_m);
                out.push_back({"mission.vtol_approach", text, "item " + std::to_string(i + 1)});
            }
        }
        previous = &it;
    }
}

// Where a VTOL really goes beyond its waypoints (mission/flown_envelope.h): inside the
// inclusion fence, outside the no-fly volumes, under the ceiling. One failure per check, item
// and manoeuvre.
void check_vtol_envelope(const CompiledScenario& compiled, const BuiltMission& built, const DroneType& type, std::vector<GateFailure>& out) {
    const Scenario& s = compiled.scenario();
    const AutopilotSettings& ap = built.outbound.autopilot;
    const double wind = envelope_wind_m_s(s.wind, built.flown_height, HeightAmsl(built.mission.home_alt_m_amsl), ap);
    const std::vector<EnvelopePoint> envelope = vtol_flown_envelope(built.mission, type, ap, wind);

    std::vector<LocalPoint> fence;
    for (const auto& f : built.mission.fence_polygons)
        if (f.inclusion) for (const auto& v : f.vertices) fence.push_back(compiled.frame().to_local(v));
    std::vector<std::string> said;
    auto fail = [&](const char* check, const EnvelopePoint& e, const std::string& message) {
        const std::string key = std::string(check) + "|" + std::to_string(e.item) + "|" + e.what;
        if (std::find(said.begin(), said.end(), key) != said.end()) return;
        said.push_back(key);
        char where[120];
        std::snprintf(where, sizeof where, "item %zu (%s), at %.6f, %.6f, %.0f m AMSL", e.item + 1, e.what, e.at.lat_deg, e.at.lon_deg, e.height.m);
        out.push_back({check, message, where});
    };
    char text[240];
    for (const EnvelopePoint& e : envelope) {
        const LocalPoint p = compiled.frame().to_local(e.at);
        if (!fence.empty() && !planar::polygon_contains(fence, p)) {
            std::snprintf(text, sizeof text, "the %s (turn radius %.0f m at cruise, a transition's reach %.0f m, overshoot %.0f m) leaves the inclusion fence: widen the corridor there",
                          e.what, type.min_turn_radius_m, vtol_departure_reach_m(ap, type, wind), ap.transition_overshoot_m);
            fail("mission.fence", e, text);
        }
        double ground = built.mission.home_alt_m_amsl;
        double nearest = 1e300;
        for (const Node& n : compiled.nodes()) {
            const double d = planar::distance(p, n.local);
            if (n.hub && d < nearest) nearest = d, ground = n.hub->ground_elevation_m_amsl;
        }
        const HeightAmsl below(ground);
        for (const LocalZone& lz : compiled.local_zones()) {
            const Zone& zone = compiled.zones()[lz.zone];
            if (zone.kind != ZoneKind::NoFly) continue;
            const bool inside = lz.circle ? planar::distance(p, lz.center) <= lz.radius_m : planar::polygon_contains(lz.polygon, p);
            if (inside && e.height.m >= amsl(zone.band.floor, below).m && e.height.m <= amsl(zone.band.ceiling, below).m)
                fail("mission.no_fly", e, "the " + std::string(e.what) + " may enter no-fly zone " + zone.id + " (" + zone.name + ")");
        }
        if (e.height.over(below) > s.rules.ceiling_m_agl + kHeightTolerance_m) {
            std::snprintf(text, sizeof text, "the %s may climb to %.0f m above the ground (a back-transition gains up to %.0f m), over the %.0f m ceiling: cruise lower before it",
                          e.what, e.height.over(below), ap.transition_balloon_m, s.rules.ceiling_m_agl);
            fail("mission.above_ceiling", e, text);
        }
    }
}

}  // namespace

MissionFigures mission_figures(const CompiledScenario& compiled, const Route& outbound, const Route* inbound, const MissionOptions& options,
                               const std::string& from_hub, const std::string& to_hub) {
    const Scenario& s = compiled.scenario();
    const Hub* origin = s.find_hub(from_hub);
    const Hub* destination = s.find_hub(to_hub);
    const DroneType* type = s.find_drone_type(outbound.drone_type);
    MissionFigures fig;
    if (!origin || !destination || !type) return fig;
    const flight::Model model = flight::make_model(*type, outbound.autopilot, s);
    flight::Powers loaded(model, outbound.payload_kg), empty(model, 0.0);
    const std::vector<flight::LegGeometry> out_legs = leg_geometry(outbound);
    const std::vector<flight::LegGeometry> back_legs = inbound ? leg_geometry(*inbound) : std::vector<flight::LegGeometry>{};
    flight::MissionLegs legs;
    for (const auto& l : out_legs) legs.out.push_back(&l);
    for (const auto& l : back_legs) legs.back.push_back(&l);
    legs.origin = origin->position;
    legs.destination = destination->position;
    legs.origin_ground = HeightAmsl(origin->ground_elevation_m_amsl);
    legs.destination_ground = HeightAmsl(destination->ground_elevation_m_amsl);

    flight::Flight f(model, loaded, true);
    f.start(origin->position, legs.origin_ground, 0);
    fig.times = flight::fly_mission(f, loaded, empty, legs, flight_spec(options));
    fig.totals = f.totals();
    fig.phases = f.phases();
    fig.headway = f.headway();
    fig.worst_airspeed_m_s = f.worst_required_airspeed_m_s();
    fig.airspeed_limit_m_s = f.airspeed_limit();
    const int worst = f.worst_leg();
    if (worst >= 0 && size_t(worst) < outbound.legs.size()) fig.worst_corridor = outbound.legs[size_t(worst)].corridor;
    else if (inbound && worst >= 0 && size_t(worst) - outbound.legs.size() < inbound->legs.size()) fig.worst_corridor = inbound->legs[size_t(worst) - outbound.legs.size()].corridor;
    fig.verdict = flight::energy_verdict(fig.totals.energy_wh, *type, s.rules.energy_reserve_fraction);
    return fig;
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
    const HeightAmsl home(built.mission.home_alt_m_amsl);
    const auto& path = built.flown_path;
    const auto& heights = built.flown_height;
    Stretches stretches(home);
    size_t sample = 0;

    for (size_t i = 0; i + 1 < path.size(); ++i) {
        const double length = geodesy::distance_m(path[i], path[i + 1]);
        const int steps = std::max(1, int(std::ceil(length / kSampleStep_m)));
        const LocalPoint a = compiled.frame().to_local(path[i]), b = compiled.frame().to_local(path[i + 1]);
        for (int k = (i == 0 ? 0 : 1); k <= steps; ++k, ++sample) {
            const double t = double(k) / steps;
            const LocalPoint p{a.east_m + (b.east_m - a.east_m) * t, a.north_m + (b.north_m - a.north_m) * t};
            const HeightAmsl h(heights[i].m + (heights[i + 1].m - heights[i].m) * t);
            const GeoPoint g = compiled.frame().to_geo(p);
            bool in_corridor = false, approved = false;
            double ground = 1e300;  // the ground below: the corridors' (or the hub's) elevation
            grid.query(planar::Box{p.east_m, p.north_m, p.east_m, p.north_m}, [&](SegmentRef ref) {
                const LocalCorridor& lc = corridors[ref.corridor];
                const Corridor& c = s.corridors[lc.corridor];
                if (std::find(c.drone_types.begin(), c.drone_types.end(), type->id) == c.drone_types.end()) return;
                if (planar::point_segment(p, lc.points[ref.segment], lc.points[ref.segment + 1]).distance_m > c.width_m / 2) return;
                ground = std::min(ground, lc.ground.m);
                if (h.m < lc.floor.m - kHeightTolerance_m || h.m > lc.ceiling.m + kHeightTolerance_m) return;
                in_corridor = true;
                approved = approved || !c.approval.empty();
            });
            bool at_node = false;
            for (const Node& n : compiled.nodes()) {
                if (planar::distance(p, n.local) > s.rules.hub_approach_radius_m) continue;
                at_node = true;
                if (n.hub) ground = std::min(ground, n.hub->ground_elevation_m_amsl);
            }
            const HeightAmsl below(ground == 1e300 ? home.m : ground);
            if (!in_corridor && !at_node) {
                stretches.fail("outside", "mission.outside_corridor", "the flight leaves its corridors' volumes (width and altitude band)", g, h, sample);
                stretches.after(sample, report.failures);
                continue;
            }
            for (const LocalZone& lz : compiled.local_zones()) {
                const Zone& zone = compiled.zones()[lz.zone];
                if (zone.kind != ZoneKind::NoFly) continue;
                const bool inside = lz.circle ? planar::distance(p, lz.center) <= lz.radius_m : planar::polygon_contains(lz.polygon, p);
                if (!inside) continue;
                if (h.m >= amsl(zone.band.floor, below).m && h.m <= amsl(zone.band.ceiling, below).m)
                    stretches.fail("no_fly:" + zone.id, "mission.no_fly", "the flight enters no-fly zone " + zone.id + " (" + zone.name + ")", g, h, sample);
            }
            if (h.over(below) > s.rules.ceiling_m_agl + kHeightTolerance_m && !approved)
                stretches.fail("ceiling", "mission.above_ceiling",
                               "the flight climbs above the " + std::to_string(int(s.rules.ceiling_m_agl)) + " m true-height ceiling outside an approved corridor", g, h, sample);
            stretches.after(sample, report.failures);
        }
    }
    stretches.finish(report.failures);

    // The whole flight through the profile: energy, headway, airspeed.
    const MissionFigures fig = mission_figures(compiled, built.outbound, built.inbound ? &*built.inbound : nullptr, options, request.from_hub, request.to_hub);
    report.energy_wh = fig.verdict.needed_wh;
    report.usable_energy_wh = fig.verdict.usable_wh;
    report.time_s = fig.totals.time_s;
    report.delivered_s = fig.times.delivered_s;
    report.phases = fig.phases;
    char text[240];
    if (!fig.headway) report.failures.push_back({"mission.energy", "the wind is too strong for this drone to make headway on some segment", "route"});
    if (fig.worst_airspeed_m_s > fig.airspeed_limit_m_s + 0.05) {
        std::snprintf(text, sizeof text, "holding the commanded ground speed in the wind needs %.1f m/s airspeed; %s holds at most %.1f m/s (loaded)",
                      fig.worst_airspeed_m_s, type->id.c_str(), fig.airspeed_limit_m_s);
        report.failures.push_back({"mission.airspeed", text, "corridor " + fig.worst_corridor});
    }
    if (!fig.verdict.within()) {
        std::snprintf(text, sizeof text, "needs %.0f Wh for the whole flight (%s, wind included); the battery gives %.0f Wh keeping the %.0f %% reserve",
                      fig.verdict.needed_wh, options.return_mode == ReturnMode::Corridors ? "out and back through the corridors"
                                             : options.return_mode == ReturnMode::Rtl   ? "out, and RTL straight home"
                                                                                        : "one way",
                      fig.verdict.usable_wh, s.rules.energy_reserve_fraction * 100);
        report.failures.push_back({"mission.energy", text, "whole mission"});
    }
    if (type->airframe == Airframe::VtolFixedWing) {
        check_vtol_approaches(built, *type, report.failures);
        check_vtol_envelope(compiled, built, *type, report.failures);
    }
    for (auto& f : check_items_for_firmware(built.mission)) report.failures.push_back(std::move(f));
    return report;
}

}  // namespace lowsky
