#include "mission/sightseeing.h"

#include <cmath>

#include "geo/geodesy.h"

namespace lowsky {

namespace {
// MAV_CMD_DO_SET_ROI with MAV_ROI_LOCATION: the form both autopilots load (PX4 refuses 195 and 197
// in some frames, ArduPilot has long known 201).
constexpr uint16_t kDoSetRoi = 201;
constexpr double kRoiLocation = 3;
}

Result<SightseeingLoop> plan_sightseeing(const SightseeingSpec& spec) {
    if (spec.stops.empty()) return make_error("a loop needs one point of interest at least", "stops");
    if (!(spec.height_m > 0 && spec.height_m <= 1000)) return make_error("the height above home is above 0 and at most 1000 m", "height_m");
    if (!(spec.speed_m_s > 0 && spec.speed_m_s <= 60)) return make_error("the speed is above 0 and at most 60 m/s", "speed_m_s");
    if (!(spec.look_s >= 0 && spec.look_s <= 3600)) return make_error("the time at each point is 0 to 3600 s", "look_s");
    if (!(spec.standoff_m >= 0 && spec.standoff_m <= 10000)) return make_error("the standoff is 0 to 10000 m", "standoff_m");

    SightseeingLoop out;
    Mission& m = out.mission;
    m.firmware = spec.firmware;
    m.home = mav::e7(spec.home);
    m.home_alt_m_amsl = spec.home_alt_m_amsl;
    m.cruise_speed_m_s = spec.speed_m_s;
    m.hover_speed_m_s = std::min(spec.speed_m_s, 5.0);
    const auto item = [&](uint16_t command, uint8_t frame, std::array<double, 4> params, GeoPoint at, double alt) {
        MissionItem i;
        i.command = command;
        i.frame = frame;
        i.params = params;
        i.lat_deg = mav::e7(at.lat_deg), i.lon_deg = mav::e7(at.lon_deg), i.alt_m = alt;
        m.items.push_back(i);
    };
    item(mav::kNavTakeoff, mav::kFrameGlobalRelativeAlt, {0, 0, 0, 0}, spec.home, spec.height_m);
    item(mav::kDoChangeSpeed, mav::kFrameMission, {1, spec.speed_m_s, -1, 0}, {0, 0}, 0);  // ground speed
    GeoPoint previous = spec.home;
    std::string names;
    for (size_t k = 0; k < spec.stops.size(); ++k) {
        const PointOfInterest& stop = spec.stops[k];
        const geodesy::Inverse way = geodesy::inverse(stop.position, previous);
        if (way.distance_m <= spec.standoff_m)
            return make_error("stop " + std::to_string(k + 1) + (stop.name.empty() ? "" : " (" + stop.name + ")") + " is no farther than the standoff (" +
                                  std::to_string(int(std::lround(spec.standoff_m))) + " m) from the point before it: there is no way in to look from",
                              "stops[" + std::to_string(k) + "]");
        // Short of the point by the standoff, on the line it is approached along.
        const GeoPoint viewpoint = geodesy::destination(stop.position, way.initial_bearing_deg, spec.standoff_m);
        item(kDoSetRoi, mav::kFrameGlobalRelativeAlt, {kRoiLocation, 0, 0, 0}, stop.position, 0);  // looked at, at home's height
        item(mav::kNavWaypoint, mav::kFrameGlobalRelativeAlt, {0, 0, 0, 0}, viewpoint, spec.height_m);
        if (spec.look_s > 0) item(mav::kNavLoiterTime, mav::kFrameGlobalRelativeAlt, {spec.look_s, 0, 0, 0}, viewpoint, spec.height_m);
        out.length_m += geodesy::distance_m(previous, viewpoint);
        out.viewpoints.push_back(viewpoint);
        names += (names.empty() ? "" : ", ") + (stop.name.empty() ? "stop " + std::to_string(k + 1) : stop.name);
        previous = viewpoint;
    }
    out.length_m += geodesy::distance_m(previous, spec.home);
    // ArduPilot: an ROI at 0, 0 gives the heading back to the mission. PX4 loads no ROI-off item
    // in a mission; its return to launch keeps looking at the last point.
    if (spec.firmware == Firmware::ArduPilot) item(kDoSetRoi, mav::kFrameGlobalRelativeAlt, {kRoiLocation, 0, 0, 0}, {0, 0}, 0);
    item(mav::kNavReturnToLaunch, mav::kFrameMission, {0, 0, 0, 0}, {0, 0}, 0);
    m.notes.push_back("sightseeing loop: " + names + "; each looked at for " + std::to_string(int(std::lround(spec.look_s))) + " s from " +
                      std::to_string(int(std::lround(spec.standoff_m))) + " m, heights relative to home");
    return out;
}

}  // namespace lowsky
