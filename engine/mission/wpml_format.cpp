#include "mission/wpml_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/numbers.h"
#include "core/zip_writer.h"
#include "geo/geodesy.h"
#include "scenario/dji_aircraft.h"

namespace lowsky {

namespace {

std::string fixed(double v, int decimals) { return format_fixed(v, decimals); }

// Text is appended piece by piece, numbers written straight into it: no temporary strings (in
// WebAssembly every string over ten bytes is an allocation).
struct Fixed {
    double value;
    int decimals;
};
struct Integer {
    long long value;
};
struct LonLat {
    GeoPoint position;
};
// A literal's length is known here: passed as a pointer it would be measured again (a call
// to strlen in WebAssembly, for every piece of every waypoint).
template <size_t N>
void put(std::string& s, const char (&text)[N]) { s.append(text, N - 1); }
void put(std::string& s, const std::string& text) { s += text; }
void put(std::string& s, Fixed v) { append_fixed(s, v.value, v.decimals); }
void put(std::string& s, Integer v) { append_integer(s, v.value); }
void put(std::string& s, LonLat p) {
    append_fixed(s, p.position.lon_deg, 7);
    s += ',';
    append_fixed(s, p.position.lat_deg, 7);
}
template <typename... Parts>
void append_all(std::string& s, const Parts&... parts) {
    (put(s, parts), ...);
}

// An XML comment may not contain "--" nor end in "-".
void append_comment(std::string& out, const std::string& text) {
    out += "<!-- lowsky: ";
    size_t plain = 0;  // runs between the changes appended whole, found by find (not a byte loop)
    for (size_t at = text.find("--"); at != std::string::npos; at = text.find("--", at + 1)) {
        out.append(text, plain, at + 1 - plain) += ' ';  // a space into each "--"
        plain = at + 1;
    }
    out.append(text, plain, std::string::npos);
    if (!text.empty() && text.back() == '-') out += ' ';
    out += " -->\n";
}

struct Point {
    GeoPoint position;
    double height_m = 0;        // above the take-off point
    double speed_m_s = 0;
    std::vector<double> hovers_s;  // hover actions, in order
    std::vector<std::string> remarks;
};

void append_action_group(std::string& out, int group_id, int index, const Point& p) {
    append_all(out, "      <wpml:actionGroup>\n        <wpml:actionGroupId>", Integer{group_id},
               "</wpml:actionGroupId>\n        <wpml:actionGroupStartIndex>", Integer{index},
               "</wpml:actionGroupStartIndex>\n        <wpml:actionGroupEndIndex>", Integer{index},
               "</wpml:actionGroupEndIndex>\n"
               "        <wpml:actionGroupMode>sequence</wpml:actionGroupMode>\n"
               "        <wpml:actionTrigger><wpml:actionTriggerType>reachPoint</wpml:actionTriggerType></wpml:actionTrigger>\n");
    for (size_t k = 0; k < p.hovers_s.size(); ++k)
        append_all(out, "        <wpml:action><wpml:actionId>", Integer{(long long)k},
                   "</wpml:actionId><wpml:actionActuatorFunc>hover</wpml:actionActuatorFunc><wpml:actionActuatorFuncParam><wpml:hoverTime>",
                   Fixed{p.hovers_s[k], 1}, "</wpml:hoverTime></wpml:actionActuatorFuncParam></wpml:action>\n");
    out += "      </wpml:actionGroup>\n";
}

Error refusal(const std::string& message) { return make_error(message, "", "export.wpml"); }

}  // namespace

Result<WpmlExport> write_wpml_kmz(const Mission& m, const DroneType& type) {
    const DjiAircraft* aircraft = find_dji_aircraft(type.dji_model);
    if (!aircraft)
        return refusal("drone type '" + type.id + "' is not a DJI aircraft: WPML waylines fly only on DJI's (" + dji_aircraft_names() +
                       "); give the type the dji_model it is, or export .plan or .waypoints");
    if (type.airframe != Airframe::Multirotor) return refusal("drone type '" + type.id + "' is not a multirotor: DJI's WPML aircraft are");

    WpmlExport out;
    const double cap = aircraft->max_wayline_speed_m_s;
    auto wayline_speed = [&](double asked) {
        if (asked > cap + 1e-9) {
            const std::string note = "speeds above " + fixed(cap, 0) + " m/s are flown at " + fixed(cap, 0) + " m/s, the " + aircraft->name +
                                     "'s wayline limit: the flight takes longer than lowsky's .plan of it";
            if (std::find(out.notes.begin(), out.notes.end(), note) == out.notes.end()) out.notes.push_back(note);
        }
        return std::clamp(asked, 1.0, cap);
    };

    std::vector<Point> points;
    points.reserve(m.items.size() + 1);
    double speed = wayline_speed(type.cruise_speed_m_s);
    std::string finish = "noAction";
    bool landed = false;
    for (size_t i = 0; i < m.items.size(); ++i) {
        const MissionItem& it = m.items[i];
        // Written only for a refusal: a string per item is an allocation or more in WebAssembly.
        const auto where = [&] { return "item " + std::to_string(i + 1) + " (MAV_CMD " + std::to_string(it.command) + ")"; };
        if (landed) return refusal(where() + " comes after the landing: a wayline ends where it lands");
        auto height = [&]() -> Result<double> {
            if (it.frame == mav::kFrameGlobal) return it.alt_m - m.home_alt_m_amsl;
            if (it.frame == mav::kFrameGlobalRelativeAlt) return it.alt_m;
            return refusal(where() + ": its height frame " + std::to_string(it.frame) + " has no WPML equivalent (heights are above the take-off point)");
        };
        auto add_point = [&](GeoPoint position) -> Result<Point*> {
            auto h = height();
            if (!h) return h.error();
            points.push_back({position, h.value(), speed, {}, {}});
            return &points.back();
        };
        switch (it.command) {
            case mav::kNavTakeoff: {  // straight up over the pad, to the take-off height
                auto p = add_point(m.home);
                if (!p) return p.error();
                break;
            }
            case mav::kDoChangeSpeed:
                if (it.params[1] > 0) speed = wayline_speed(it.params[1]);
                break;
            case mav::kNavWaypoint:
            case mav::kNavLoiterTime:
            case mav::kNavLoiterToAlt: {
                auto p = add_point({it.lat_deg, it.lon_deg});
                if (!p) return p.error();
                const double hold = it.params[0];
                if ((it.command != mav::kNavLoiterToAlt) && std::isfinite(hold) && hold > 0) p.value()->hovers_s.push_back(hold);
                break;
            }
            case mav::kNavDelay:
            case mav::kConditionDelay:
                if (points.empty()) return refusal(where() + ": a wait before the first waypoint");
                if (std::isfinite(it.params[0]) && it.params[0] > 0) points.back().hovers_s.push_back(it.params[0]);
                break;
            case mav::kDoGripper: {
                if (points.empty()) return refusal(where() + ": a release before the first waypoint");
                const std::string where_point = "waypoint " + std::to_string(points.size() - 1);
                points.back().remarks.push_back("the parcel is released here: WPML has no gripper action, so the payload releases it during the hover");
                out.notes.push_back("DJI WPML has no gripper action: at " + where_point +
                                    " the aircraft hovers, and the release must come from the payload's own control (its PSDK app) or the pilot");
                break;
            }
            case mav::kNavLand: {
                const GeoPoint at{it.lat_deg, it.lon_deg};
                if (points.empty() || geodesy::distance_m(points.back().position, at) > 0.5) {
                    if (points.empty()) return refusal(where() + ": a landing before the first waypoint");
                    points.push_back({at, points.back().height_m, speed, {}, {}});
                }
                finish = "autoLand";
                landed = true;
                break;
            }
            case mav::kNavReturnToLaunch:
                finish = "goHome";
                landed = true;
                break;
            default:
                return refusal(where() + " has no WPML equivalent");
        }
    }
    if (points.size() < 2) return refusal("a wayline needs at least two waypoints; this mission has " + std::to_string(points.size()));

    // The mission's notes, but for those about a PX4 or ArduPilot vehicle (its parameters, its
    // fence), which a DJI aircraft does not have.
    std::vector<std::string> remarks;
    for (const auto& note : m.notes)
        if (note.rfind("pre-flight:", 0) != 0 && note.rfind("fence:", 0) != 0) remarks.push_back(note);
    if (!m.gate_override.empty()) remarks.push_back("exported although the safety gate refused it: " + m.gate_override);
    remarks.insert(remarks.end(), out.notes.begin(), out.notes.end());
    double distance = 0, cruise_height = 0;
    for (size_t i = 0; i < points.size(); ++i) {
        if (i > 0) distance += geodesy::distance_m(points[i - 1].position, points[i].position);
        cruise_height = std::max(cruise_height, points[i].height_m);
    }
    const double auto_speed = wayline_speed(type.cruise_speed_m_s);

    auto document = [&](bool execution) {
        std::string s;
        s.reserve(4096 + points.size() * 900);
        s += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        for (const auto& r : remarks) append_comment(s, r);
        s += "<kml xmlns=\"http://www.opengis.net/kml/2.2\" xmlns:wpml=\"http://www.dji.com/wpmz/1.0.2\">\n<Document>\n";
        if (!execution) s += "  <wpml:author>lowsky</wpml:author>\n  <wpml:createTime>0</wpml:createTime>\n  <wpml:updateTime>0</wpml:updateTime>\n";
        // The wayline goes on when the link drops: it is the checked path through the corridors,
        // where hovering would spend the battery over the city and going home flies straight.
        append_all(s, "  <wpml:missionConfig>\n"
                      "    <wpml:flyToWaylineMode>safely</wpml:flyToWaylineMode>\n"
                      "    <wpml:finishAction>", finish, "</wpml:finishAction>\n"
                      "    <wpml:exitOnRCLost>goContinue</wpml:exitOnRCLost>\n"
                      "    <wpml:executeRCLostAction>goBack</wpml:executeRCLostAction>\n"
                      "    <wpml:takeOffSecurityHeight>", Fixed{std::clamp(points.front().height_m, 1.2, 1500.0), 1}, "</wpml:takeOffSecurityHeight>\n"
                      "    <wpml:globalTransitionalSpeed>", Fixed{auto_speed, 1}, "</wpml:globalTransitionalSpeed>\n"
                      "    <wpml:droneInfo><wpml:droneEnumValue>", Integer{aircraft->drone_enum}, "</wpml:droneEnumValue><wpml:droneSubEnumValue>",
                   Integer{aircraft->drone_sub_enum}, "</wpml:droneSubEnumValue></wpml:droneInfo>\n"
                      "    <wpml:payloadInfo><wpml:payloadEnumValue>", Integer{aircraft->payload_enum},
                   "</wpml:payloadEnumValue><wpml:payloadPositionIndex>0</wpml:payloadPositionIndex></wpml:payloadInfo>\n"
                   "  </wpml:missionConfig>\n  <Folder>\n");
        if (execution) {
            append_all(s, "    <wpml:templateId>0</wpml:templateId>\n    <wpml:executeHeightMode>relativeToStartPoint</wpml:executeHeightMode>\n"
                          "    <wpml:waylineId>0</wpml:waylineId>\n    <wpml:distance>", Fixed{distance, 1}, "</wpml:distance>\n"
                          "    <wpml:autoFlightSpeed>", Fixed{auto_speed, 1}, "</wpml:autoFlightSpeed>\n");
        } else {
            append_all(s, "    <wpml:templateType>waypoint</wpml:templateType>\n    <wpml:templateId>0</wpml:templateId>\n"
                          "    <wpml:waylineCoordinateSysParam><wpml:coordinateMode>WGS84</wpml:coordinateMode><wpml:heightMode>relativeToStartPoint</wpml:heightMode>"
                          "</wpml:waylineCoordinateSysParam>\n"
                          "    <wpml:autoFlightSpeed>", Fixed{auto_speed, 1}, "</wpml:autoFlightSpeed>\n"
                          "    <wpml:globalHeight>", Fixed{cruise_height, 1}, "</wpml:globalHeight>\n"
                          "    <wpml:caliFlightEnable>0</wpml:caliFlightEnable>\n    <wpml:gimbalPitchMode>manual</wpml:gimbalPitchMode>\n"
                          "    <wpml:globalWaypointHeadingParam><wpml:waypointHeadingMode>followWayline</wpml:waypointHeadingMode></wpml:globalWaypointHeadingParam>\n"
                          "    <wpml:globalWaypointTurnMode>toPointAndStopWithDiscontinuityCurvature</wpml:globalWaypointTurnMode>\n"
                          "    <wpml:globalUseStraightLine>1</wpml:globalUseStraightLine>\n");
        }
        int group = 0;
        for (size_t i = 0; i < points.size(); ++i) {
            const Point& p = points[i];
            s += "    <Placemark>\n";
            for (const auto& r : p.remarks) s += "      ", append_comment(s, r);
            append_all(s, "      <Point><coordinates>", LonLat{p.position}, "</coordinates></Point>\n      <wpml:index>", Integer{(long long)i}, "</wpml:index>\n");
            if (execution) append_all(s, "      <wpml:executeHeight>", Fixed{p.height_m, 2}, "</wpml:executeHeight>\n");
            else append_all(s, "      <wpml:height>", Fixed{p.height_m, 2}, "</wpml:height>\n      <wpml:useGlobalHeight>0</wpml:useGlobalHeight>\n"
                                "      <wpml:useGlobalSpeed>0</wpml:useGlobalSpeed>\n");
            append_all(s, "      <wpml:waypointSpeed>", Fixed{p.speed_m_s, 1}, "</wpml:waypointSpeed>\n");
            if (!execution) s += "      <wpml:useGlobalHeadingParam>0</wpml:useGlobalHeadingParam>\n";
            s += "      <wpml:waypointHeadingParam><wpml:waypointHeadingMode>followWayline</wpml:waypointHeadingMode></wpml:waypointHeadingParam>\n";
            if (!execution) s += "      <wpml:useGlobalTurnParam>0</wpml:useGlobalTurnParam>\n";
            s += "      <wpml:waypointTurnParam><wpml:waypointTurnMode>toPointAndStopWithDiscontinuityCurvature</wpml:waypointTurnMode>"
                 "<wpml:waypointTurnDampingDist>0</wpml:waypointTurnDampingDist></wpml:waypointTurnParam>\n"
                 "      <wpml:useStraightLine>1</wpml:useStraightLine>\n";
            if (!p.hovers_s.empty()) append_action_group(s, group++, int(i), p);
            s += "    </Placemark>\n";
        }
        if (!execution) s += "    <wpml:payloadParam><wpml:payloadPositionIndex>0</wpml:payloadPositionIndex></wpml:payloadParam>\n";
        s += "  </Folder>\n</Document>\n</kml>\n";
        return s;
    };
    const std::string template_kml = document(false), waylines = document(true);
    out.kmz = write_zip({{"wpmz/template.kml", template_kml}, {"wpmz/waylines.wpml", waylines}});
    return out;
}

}  // namespace lowsky
