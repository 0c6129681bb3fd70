#include "mission/survey.h"

#include <algorithm>
#include <cmath>

#include "geo/local_frame.h"
#include "geo/offset_line.h"

namespace lowsky {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr size_t kMaxLines = 10000;

// Coordinates turned so the lines run along +v: u across the lines, v along them.
struct Turned {
    double u, v;
};

}  // namespace

Result<SurveyPattern> plan_survey(const SurveySpec& spec) {
    if (spec.polygon.size() < 3) return make_error("a survey area needs 3 or more points, found " + std::to_string(spec.polygon.size()), "polygon");
    if (!(spec.footprint_m > 0) || !std::isfinite(spec.footprint_m)) return make_error("the sensor footprint must be above 0 m", "footprint_m");
    if (!(spec.side_overlap >= 0 && spec.side_overlap <= 0.95)) return make_error("the side overlap must be from 0 to 0.95", "side_overlap");
    if (!std::isfinite(spec.heading_deg)) return make_error("the heading must be a number", "heading_deg");
    for (const GeoPoint& p : spec.polygon)
        if (!std::isfinite(p.lat_deg) || !std::isfinite(p.lon_deg) || std::abs(p.lat_deg) > 89 || std::abs(p.lon_deg) > 180)
            return make_error("a point of the area is not a latitude and longitude in degrees", "polygon");
    GeoPoint centre{0, 0};
    for (const GeoPoint& p : spec.polygon) centre.lat_deg += p.lat_deg / double(spec.polygon.size()), centre.lon_deg += p.lon_deg / double(spec.polygon.size());
    const LocalFrame frame(centre);
    // Heading h (from north, clockwise): along = (sin h, cos h) in east-north; across = (cos h, -sin h).
    const double h = spec.heading_deg * kPi / 180, sh = std::sin(h), ch = std::cos(h);
    std::vector<Turned> ring;
    double u_min = 1e300, u_max = -1e300;
    for (const GeoPoint& p : spec.polygon) {
        const LocalPoint l = frame.to_local(p);
        ring.push_back({l.east_m * ch - l.north_m * sh, l.east_m * sh + l.north_m * ch});
        u_min = std::min(u_min, ring.back().u), u_max = std::max(u_max, ring.back().u);
    }
    const auto to_geo = [&](double u, double v) { return frame.to_geo({u * ch + v * sh, -u * sh + v * ch}); };
    // The first and last lines see the edges of the area; the lines between share the width evenly,
    // no further apart than the overlap allows.
    const double width = u_max - u_min, half = spec.footprint_m / 2, most = spec.footprint_m * (1 - spec.side_overlap);
    if (!(most > 0)) return make_error("the side overlap leaves no spacing between lines", "side_overlap");
    const double count = width <= spec.footprint_m ? 1 : std::ceil((width - spec.footprint_m - 0.1) / most) + 1;  // 10 cm of slack: the frames of nearby points turn a little
    if (count > double(kMaxLines)) return make_error("the area needs " + std::to_string(size_t(count)) + " lines at this footprint and overlap, over the 10,000 a survey may have", "polygon");
    const size_t n = size_t(count);
    SurveyPattern out;
    out.spacing_m = n > 1 ? (width - spec.footprint_m) / double(n - 1) : 0;
    bool forward = true;
    for (size_t k = 0; k < n; ++k) {
        const double u = n > 1 ? u_min + half + out.spacing_m * double(k) : (u_min + u_max) / 2;
        // Where the line u = const crosses the ring's edges: pairs of crossings bound the pieces inside.
        std::vector<double> vs;
        for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const Turned a = ring[j], b = ring[i];
            if ((a.u <= u) == (b.u <= u)) continue;
            vs.push_back(a.v + (b.v - a.v) * (u - a.u) / (b.u - a.u));
        }
        std::sort(vs.begin(), vs.end());
        std::vector<SurveyLine> pieces;
        for (size_t i = 0; i + 1 < vs.size(); i += 2) pieces.push_back({to_geo(u, vs[i]), to_geo(u, vs[i + 1]), {}});
        if (!forward) {
            std::reverse(pieces.begin(), pieces.end());
            for (SurveyLine& l : pieces) std::swap(l.from, l.to);
        }
        for (size_t i = 0; i + 1 < vs.size(); i += 2) out.line_length_m += vs[i + 1] - vs[i];
        out.lines.insert(out.lines.end(), pieces.begin(), pieces.end());
        if (!pieces.empty()) forward = !forward;
    }
    out.path_length_m = out.line_length_m;
    for (size_t i = 0; i + 1 < out.lines.size(); ++i) {
        const LocalPoint a = frame.to_local(out.lines[i].to), b = frame.to_local(out.lines[i + 1].from);
        out.path_length_m += std::hypot(b.east_m - a.east_m, b.north_m - a.north_m);
    }
    return out;
}

Result<SurveyPattern> plan_corridor_scan(const CorridorScanSpec& spec) {
    constexpr size_t kMaxPasses = 1000;
    if (!(spec.footprint_m > 0) || !std::isfinite(spec.footprint_m)) return make_error("the sensor footprint must be above 0 m", "footprint_m");
    if (!(spec.side_overlap >= 0 && spec.side_overlap <= 0.95)) return make_error("the side overlap must be from 0 to 0.95", "side_overlap");
    if (!(spec.width_m >= 0) || !std::isfinite(spec.width_m)) return make_error("the width must be 0 m or more", "width_m");
    GeoPoint centre{0, 0};
    for (const GeoPoint& p : spec.line) {
        if (!std::isfinite(p.lat_deg) || !std::isfinite(p.lon_deg) || std::abs(p.lat_deg) > 89 || std::abs(p.lon_deg) > 180)
            return make_error("a point of the line is not a latitude and longitude in degrees", "line");
        centre.lat_deg += p.lat_deg / double(spec.line.size()), centre.lon_deg += p.lon_deg / double(spec.line.size());
    }
    const LocalFrame frame(centre);
    std::vector<LocalPoint> pts;  // the line in metres, repeated points dropped
    for (const GeoPoint& p : spec.line) {
        const LocalPoint l = frame.to_local(p);
        if (pts.empty() || std::hypot(l.east_m - pts.back().east_m, l.north_m - pts.back().north_m) > 0.01) pts.push_back(l);
    }
    if (pts.size() < 2) return make_error("a corridor scan needs a line of 2 or more distinct points, found " + std::to_string(pts.size()), "line");
    // A bend sharper than 120 degrees would need a mitre over twice the offset (offset_right caps it there).
    std::vector<GeoPoint> line;
    for (size_t i = 0; i < pts.size(); ++i) {
        line.push_back(frame.to_geo(pts[i]));
        if (i == 0 || i + 1 == pts.size()) continue;
        const double ae = pts[i].east_m - pts[i - 1].east_m, an = pts[i].north_m - pts[i - 1].north_m;
        const double be = pts[i + 1].east_m - pts[i].east_m, bn = pts[i + 1].north_m - pts[i].north_m;
        if (ae * be + an * bn < -0.5 * std::hypot(ae, an) * std::hypot(be, bn))
            return make_error("the line turns more than 120 degrees at point " + std::to_string(i + 1) + ": split it there", "line");
    }
    const double half = spec.footprint_m / 2, most = spec.footprint_m * (1 - spec.side_overlap);
    if (!(most > 0)) return make_error("the side overlap leaves no spacing between passes", "side_overlap");
    const double count = spec.width_m <= spec.footprint_m ? 1 : std::ceil((spec.width_m - spec.footprint_m - 0.001) / most) + 1;
    if (count > double(kMaxPasses)) return make_error("the strip needs " + std::to_string(size_t(count)) + " passes at this footprint and overlap, over the 1,000 a scan may have", "width_m");
    const size_t n = size_t(count);
    if (double(n) * double(pts.size()) > 100000)
        return make_error(std::to_string(n) + " passes of " + std::to_string(pts.size()) + " points are over the 100,000 waypoints a scan may have", "line");
    SurveyPattern out;
    out.spacing_m = n > 1 ? (spec.width_m - spec.footprint_m) / double(n - 1) : 0;
    for (size_t k = 0; k < n; ++k) {
        const double offset = n > 1 ? -spec.width_m / 2 + half + out.spacing_m * double(k) : 0;  // right of the line is positive
        std::vector<GeoPoint> pass = offset == 0 ? line : offset_right(line, offset);  // the corridors' lanes are made the same way
        for (size_t i = 0; i + 1 < pass.size(); ++i) {
            const LocalPoint a = frame.to_local(pass[i]), b = frame.to_local(pass[i + 1]);
            out.line_length_m += std::hypot(b.east_m - a.east_m, b.north_m - a.north_m);
        }
        if (k % 2 == 1) std::reverse(pass.begin(), pass.end());  // back and forth
        out.lines.push_back({pass.front(), pass.back(), std::vector<GeoPoint>(pass.begin() + 1, pass.end() - 1)});
    }
    out.path_length_m = out.line_length_m;
    for (size_t i = 0; i + 1 < out.lines.size(); ++i) {
        const LocalPoint a = frame.to_local(out.lines[i].to), b = frame.to_local(out.lines[i + 1].from);
        out.path_length_m += std::hypot(b.east_m - a.east_m, b.north_m - a.north_m);
    }
    return out;
}

Mission survey_mission(const SurveyPattern& pattern, const SurveyFlight& flight) {
    Mission m;
    m.firmware = flight.firmware;
    m.home = mav::e7(flight.home);
    m.home_alt_m_amsl = flight.home_alt_m_amsl;
    m.cruise_speed_m_s = flight.speed_m_s;
    m.hover_speed_m_s = std::min(flight.speed_m_s, 5.0);
    m.notes.push_back("inspection survey: " + std::to_string(pattern.lines.size()) + " lines " + std::to_string(int(std::lround(pattern.spacing_m))) +
                      " m apart, heights relative to home");
    const auto item = [&](uint16_t command, GeoPoint at, std::array<double, 4> params, bool positional) {
        MissionItem i;
        i.command = command;
        i.frame = positional ? mav::kFrameGlobalRelativeAlt : mav::kFrameMission;
        i.params = params;
        if (positional) i.lat_deg = mav::e7(at.lat_deg), i.lon_deg = mav::e7(at.lon_deg), i.alt_m = flight.height_m;
        m.items.push_back(i);
    };
    item(mav::kNavTakeoff, flight.home, {0, 0, 0, 0}, true);
    item(mav::kDoChangeSpeed, {}, {1, flight.speed_m_s, -1, 0}, false);  // ground speed
    for (const SurveyLine& line : pattern.lines) {
        item(mav::kNavWaypoint, line.from, {0, 0, 0, 0}, true);
        if (flight.trigger_distance_m > 0) item(mav::kDoSetCamTriggDist, {}, {flight.trigger_distance_m, 0, 1, 0}, false);
        for (const GeoPoint& bend : line.via) item(mav::kNavWaypoint, bend, {0, 0, 0, 0}, true);
        item(mav::kNavWaypoint, line.to, {0, 0, 0, 0}, true);
        if (flight.trigger_distance_m > 0) item(mav::kDoSetCamTriggDist, {}, {0, 0, 0, 0}, false);
    }
    item(mav::kNavReturnToLaunch, {}, {0, 0, 0, 0}, false);
    return m;
}

}  // namespace lowsky
