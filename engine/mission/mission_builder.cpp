#include "mission/mission_builder.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "geo/geodesy.h"
#include "geo/planar.h"
#include "mission/flown_envelope.h"
#include "mission/footprint.h"
#include "mission/param_file.h"

namespace lowsky {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

using mav::e7;
double cm(double m) { return round_to_decimals(m, 2); }

int vehicle_type_of(const DroneType& t) {
    if (t.airframe == Airframe::VtolFixedWing) return mav::kTypeVtolFixedRotor;
    if (t.energy.rotor_count >= 8) return mav::kTypeOctorotor;
    if (t.energy.rotor_count == 6) return mav::kTypeHexarotor;
    return mav::kTypeQuadrotor;
}

// Builds the item list while tracking where the vehicle is, so that every positional item
// lands in flown_path with its height.
class ItemWriter {
public:
    ItemWriter(const MissionOptions& o, HeightAmsl home, bool wing_borne) : options_(o), home_(home), wing_borne_(wing_borne) {}

    // Yaw "use default": null in a .plan for PX4; ArduPilot ignores it, and a 0 is safer in text formats.
    double default_yaw() const { return options_.firmware == Firmware::Px4 ? kNaN : 0.0; }
    uint8_t position_frame() const { return options_.altitude == MissionAltitudeFrame::Amsl ? mav::kFrameGlobal : mav::kFrameGlobalRelativeAlt; }
    // The file's altitude for a height: AMSL as it is, or relative to home (frame 3).
    double altitude(HeightAmsl h) const { return options_.altitude == MissionAltitudeFrame::Amsl ? h.m : h.over(home_); }

    void positional(uint16_t command, std::array<double, 4> params, GeoPoint at, HeightAmsl height) {
        at = e7(at);
        const double alt = cm(altitude(height));
        items.push_back({command, position_frame(), params, at.lat_deg, at.lon_deg, alt, true});
        path.push_back(at);
        // What the aircraft flies is what the file says, to the centimetre.
        heights.push_back(options_.altitude == MissionAltitudeFrame::Amsl ? HeightAmsl(alt) : home_.above(alt));
    }
    void command(uint16_t command, std::array<double, 4> params) {
        items.push_back({command, mav::kFrameMission, params, 0, 0, 0, true});
    }
    void waypoint(GeoPoint at, HeightAmsl height, double hold_s = 0) { positional(mav::kNavWaypoint, {hold_s, 0, 0, default_yaw()}, at, height); }
    // A multirotor holds the ground speed it is given (speed type 1); on the wing a fixed wing
    // flies an airspeed (type 0): ArduPlane takes a ground speed only as a minimum, and keeps it.
    void speed(double m_s) {
        if (std::abs(m_s - last_speed_) < 1e-9) return;
        command(mav::kDoChangeSpeed, {wing_borne_ ? 0.0 : 1.0, m_s, -1, 0});
        last_speed_ = m_s;
    }

    // Leaves `distance` of straight approach before `target`: the waypoints closer than that
    // are taken out, and one is put on the line from the last one kept, `distance` out.
    void approach(GeoPoint target, double distance) {
        HeightAmsl height = heights.back();
        while (!items.empty() && items.back().command == mav::kNavWaypoint && path.size() > 1 &&
               geodesy::distance_m(path.back(), target) < distance) {
            height = heights.back();
            items.pop_back();
            path.pop_back();
            heights.pop_back();
        }
        const geodesy::Inverse back = geodesy::inverse(target, path.back());
        if (back.distance_m <= distance + 1) return;  // the last waypoint kept is the approach
        waypoint(geodesy::destination(target, back.initial_bearing_deg, distance), height);
    }

    // Positional, with its altitude relative to home whatever the mission's frame: ArduPlane
    // reads NAV_VTOL_TAKEOFF's altitude above the take-off point.
    void positional_relative(uint16_t command, std::array<double, 4> params, GeoPoint at, HeightAmsl height) {
        at = e7(at);
        const double alt = cm(height.over(home_));
        items.push_back({command, mav::kFrameGlobalRelativeAlt, params, at.lat_deg, at.lon_deg, alt, true});
        path.push_back(at);
        heights.push_back(home_.above(alt));
    }

    // Follows a route's legs from where the vehicle is: at a node whose height differs, it
    // first climbs or descends there.
    void follow(const Route& route) {
        for (const RouteLeg& leg : route.legs) {
            speed(leg.speed_m_s);
            for (size_t i = 0; i < leg.path.size(); ++i) {
                const GeoPoint p = leg.path[i];
                const bool here = !path.empty() && p.lat_deg == path.back().lat_deg && p.lon_deg == path.back().lon_deg;
                if (here && std::abs(heights.back().over(leg.height)) < 0.005) continue;
                waypoint(p, leg.height);
            }
        }
    }

    std::vector<MissionItem> items;
    std::vector<GeoPoint> path;
    std::vector<HeightAmsl> heights;

private:
    const MissionOptions& options_;
    HeightAmsl home_;
    bool wing_borne_;
    double last_speed_ = -1;
};

}  // namespace

flight::MissionFlightSpec flight_spec(const MissionOptions& o) {
    flight::MissionFlightSpec spec;
    spec.land_at_destination = o.delivery == Delivery::Land;
    spec.release_height_m = o.release_height_m;
    spec.release_hold_s = o.release_hold_s;
    spec.release_settle_s = o.release_settle_s;
    spec.back = o.return_mode == ReturnMode::Corridors ? flight::ReturnKind::Corridors
                : o.return_mode == ReturnMode::Rtl   ? flight::ReturnKind::Rtl
                                                     : flight::ReturnKind::None;
    return spec;
}

Result<BuiltMission> build_mission(const CompiledScenario& compiled, const RoutingNetwork& network, const RouteRequest& request,
                                   const MissionOptions& options) {
    const Scenario& s = compiled.scenario();
    RouteRequest out_request = request;
    out_request.firmware = options.firmware;  // priced as the autopilot the file is for flies it
    auto outbound = network.route(out_request);
    if (!outbound) return outbound.error();
    const DroneType* type = s.find_drone_type(request.drone_type);
    const Hub* origin = s.find_hub(request.from_hub);
    const Hub* destination = s.find_hub(request.to_hub);
    const bool vtol = type->airframe == Airframe::VtolFixedWing;

    BuiltMission built;
    built.outbound = outbound.value();
    if (options.delivery == Delivery::Land && options.return_mode != ReturnMode::None) {
        return make_error("a delivery that lands ends the mission there: export the return as a mission of its own, or deliver by hover and release",
                          "options.delivery", "mission.land_then_return");
    }
    if (options.return_mode == ReturnMode::Corridors) {
        RouteRequest back = out_request;
        std::swap(back.from_hub, back.to_hub);
        back.payload_kg = 0;  // the parcel stays at the destination
        auto inbound = network.route(back);
        if (!inbound) return make_error("no way back through the corridors: " + inbound.error().message, "options.return_mode", "mission.no_way_back");
        built.inbound = inbound.value();
    }

    Mission& m = built.mission;
    m.firmware = options.firmware;
    m.vehicle_type = vehicle_type_of(*type);
    m.home = e7(origin->position);
    m.home_alt_m_amsl = origin->ground_elevation_m_amsl;
    m.cruise_speed_m_s = type->cruise_speed_m_s;
    m.hover_speed_m_s = std::min(type->cruise_speed_m_s, 5.0);
    m.global_altitude_mode = options.altitude == MissionAltitudeFrame::Amsl ? 2 : 1;

    const HeightAmsl home_ground(origin->ground_elevation_m_amsl), destination_ground(destination->ground_elevation_m_amsl);
    ItemWriter w(options, home_ground, vtol);
    const HeightAmsl first_height = built.outbound.legs.front().height;
    // A VTOL slows from its cruise airspeed to a hover over this distance before every drop and
    // landing (docs/missions.md): ArduPlane refuses to arm with less before a landing.
    const double approach_m = vtol_approach_m(built.outbound.autopilot, type->cruise_speed_m_s);

    if (vtol) w.positional_relative(mav::kNavVtolTakeoff, {0, 0, 0, w.default_yaw()}, origin->position, first_height);
    else w.positional(mav::kNavTakeoff, {0, 0, 0, w.default_yaw()}, origin->position, first_height);
    w.follow(built.outbound);

    const GeoPoint drop = destination->position;
    const HeightAmsl cruise_at_drop = built.outbound.legs.back().height;
    if (vtol) w.approach(drop, approach_m);
    if (options.delivery == Delivery::Land) {
        w.positional(vtol ? mav::kNavVtolLand : mav::kNavLand, {0, 0, 0, w.default_yaw()}, drop, destination_ground);
    } else if (vtol) {
        // Items ArduPlane and PX4 both keep: transition to hover at the approach, arrive over the
        // drop at the release height, hold with NAV_LOITER_TIME (ArduPlane drops a waypoint's
        // hold time and ignores NAV_DELAY in flight), release, settle, climb with an item that
        // waits for the height (a plain waypoint above counts as reached at once), then back to
        // the wing.
        const HeightAmsl release = destination_ground.above(options.release_height_m);
        const HeightAmsl up = built.inbound ? built.inbound->legs.front().height : cruise_at_drop;
        w.command(mav::kDoVtolTransition, {mav::kVtolStateMultirotor, 0, 0, 0});
        w.waypoint(drop, release);
        w.positional(mav::kNavLoiterTime, {options.release_hold_s, 0, 0, 0}, drop, release);
        w.command(mav::kDoGripper, {1, 0, 0, 0});  // gripper 1: release
        w.positional(mav::kNavLoiterTime, {options.release_settle_s, 0, 0, 0}, drop, release);
        w.positional(mav::kNavLoiterToAlt, {0, 0, 0, 0}, drop, up);
        if (options.return_mode == ReturnMode::Corridors) {
            w.command(mav::kDoVtolTransition, {mav::kVtolStateFixedWing, 0, 0, 0});
            w.follow(*built.inbound);
            w.approach(origin->position, approach_m);
            w.positional(mav::kNavVtolLand, {0, 0, 0, w.default_yaw()}, origin->position, home_ground);
        } else if (options.return_mode == ReturnMode::Rtl) {
            w.command(mav::kNavReturnToLaunch, {0, 0, 0, 0});
            w.path.push_back(origin->position);
            w.heights.push_back(up);
        }
    } else {
        w.waypoint(drop, destination_ground.above(options.release_height_m), options.release_hold_s);
        w.command(mav::kDoGripper, {1, 0, 0, 0});  // gripper 1: release
        w.command(mav::kNavDelay, {options.release_settle_s, -1, -1, -1});
        const HeightAmsl up = built.inbound ? built.inbound->legs.front().height : cruise_at_drop;
        w.waypoint(drop, up);
        if (options.return_mode == ReturnMode::Corridors) {
            w.follow(*built.inbound);
            w.positional(mav::kNavLand, {0, 0, 0, w.default_yaw()}, origin->position, home_ground);
        } else if (options.return_mode == ReturnMode::Rtl) {
            w.command(mav::kNavReturnToLaunch, {0, 0, 0, 0});
            // RTL flies straight home: the safety gate must see that path too.
            w.path.push_back(origin->position);
            w.heights.push_back(up);
        }
    }
    m.items = std::move(w.items);
    built.flown_path = std::move(w.path);
    built.flown_height = std::move(w.heights);

    // Geofence: one inclusion polygon around the flown path (ArduPilot requires the vehicle
    // inside every inclusion fence, so one it is), exclusions for the no-fly zones nearby.
    double narrowest = 1e300;
    for (const Route* r : {&built.outbound, built.inbound ? &*built.inbound : nullptr}) {
        if (!r) continue;
        for (const auto& leg : r->legs) narrowest = std::min(narrowest, s.find_corridor(leg.corridor)->width_m);
    }
    // A VTOL's fence rounds out around each end to what its transitions may reach in any heading
    // (the take-off, the hover delivery), and reaches its back-transitions' overshoot.
    FootprintEnd start_end, far_end;
    if (vtol) {
        const AutopilotSettings& ap = built.outbound.autopilot;
        const double reach = vtol_departure_reach_m(ap, *type, envelope_wind_m_s(s.wind, built.flown_height, home_ground, ap));
        start_end = {ap.transition_overshoot_m, reach};
        far_end = {ap.transition_overshoot_m, reach};
    }
    std::vector<GeoPoint> outline = path_footprint([&] {
        // From the take-off point to the drop: a corridor's end may be a snap distance from its hub.
        std::vector<GeoPoint> p{origin->position};
        for (const auto& leg : built.outbound.legs) p.insert(p.end(), leg.path.begin(), leg.path.end());
        p.push_back(destination->position);
        return p;
    }(), narrowest / 2, start_end, far_end);
    bool inclusion_ok = is_simple_ring(outline);
    if (inclusion_ok) {
        const LocalFrame frame(origin->position);
        std::vector<LocalPoint> ring;
        for (const auto& g : outline) ring.push_back(frame.to_local(g));
        for (const auto& p : built.flown_path) inclusion_ok = inclusion_ok && planar::polygon_contains(ring, frame.to_local(p));
    }
    for (auto& p : outline) p = e7(p);
    if (inclusion_ok) m.fence_polygons.push_back({true, outline});
    else m.notes.push_back("no inclusion fence: the corridors' footprint along this path is not one simple polygon containing every waypoint");

    auto near_path = [&](const LocalZone& z) {
        for (size_t i = 0; i + 1 < built.flown_path.size(); ++i) {
            const LocalPoint a = compiled.frame().to_local(built.flown_path[i]), b = compiled.frame().to_local(built.flown_path[i + 1]);
            if (compiled.segment_to_zone(a, b, z).distance_m <= options.fence_reach_m) return true;
        }
        return false;
    };
    for (const LocalZone& lz : compiled.local_zones()) {
        const Zone& zone = compiled.zones()[lz.zone];
        if (zone.kind != ZoneKind::NoFly || !near_path(lz)) continue;
        if (zone.shape.kind == ZoneShape::Kind::Circle) {
            m.fence_circles.push_back({false, e7(zone.shape.center), cm(zone.shape.radius_m)});
        } else {
            FencePolygon exclusion{false, {}};
            for (const auto& p : zone.shape.polygon) exclusion.vertices.push_back(e7(p));
            m.fence_polygons.push_back(exclusion);
        }
    }

    // Rally points: the hubs near the path, where a drone can put down.
    for (const Hub& h : s.hubs) {
        double closest = 1e300;
        for (const auto& p : built.flown_path) closest = std::min(closest, geodesy::distance_m(p, h.position));
        if (closest <= options.fence_reach_m) m.rally_points.push_back({e7(h.position), options.rally_height_m});
    }

    m.notes.push_back("lowsky mission: " + request.from_hub + " to " + request.to_hub + " for " + type->id + ", " + to_string(request.objective) +
                      " route, payload " + [&] { char t[32]; std::snprintf(t, sizeof t, "%.1f", built.outbound.payload_kg); return std::string(t); }() + " kg");
    m.notes.push_back(std::string("altitudes: ") +
                      (options.altitude == MissionAltitudeFrame::Amsl ? "AMSL" : "relative to home (" + std::to_string(int(std::lround(origin->ground_elevation_m_amsl))) + " m AMSL)") +
                      "; each corridor's true-height band is taken over the lowest hub it touches (no terrain model); the destination's ground is its hub's elevation (" +
                      std::to_string(int(std::lround(destination->ground_elevation_m_amsl))) + " m AMSL), so the delivery and landing heights are true there");
    m.notes.push_back(std::string("pre-flight: the times and energy of this mission assume lowsky's parameter set for ") + to_string(options.firmware) +
                      " (lowsky export --format params): " + parameter_checklist(built.outbound.autopilot, *type));
    m.notes.push_back(std::string("fence: an inclusion polygon around the corridors flown and exclusions for the no-fly zones nearby; they act only with polygon fences enabled (") +
                      (options.firmware == Firmware::Px4 ? "GF_ACTION" : "FENCE_ENABLE 1, FENCE_TYPE 4") + "); a circle fence trips on any long route");
    return built;
}

}  // namespace lowsky
