#pragma once
// An inspection survey over an area: parallel lines ("lawnmower") across a polygon, spaced so
// that the sensor's ground footprint overlaps by the asked share, flown back and forth. The
// lines are clipped to the polygon (a concave one gives a line several pieces, flown in turn).

#include <string>
#include <vector>

#include "core/result.h"
#include "geo/geo_types.h"
#include "mission/mission.h"

namespace lowsky {

struct SurveySpec {
    std::vector<GeoPoint> polygon;  // the area, 3 or more points, closed implicitly
    double heading_deg = 0;         // direction of the lines, degrees from true north
    double footprint_m = 0;         // the sensor's footprint across the track on the ground
    double side_overlap = 0.7;      // share of the footprint two neighbouring lines both see, 0 to 0.95
};

struct SurveyLine {
    GeoPoint from, to;         // in flying order
    std::vector<GeoPoint> via;  // the bends between them (a corridor scan's pass), in flying order
};

struct SurveyPattern {
    double spacing_m = 0;             // between neighbouring lines (at most footprint x (1 - overlap))
    std::vector<SurveyLine> lines;    // in flying order, alternating direction
    double line_length_m = 0;         // the lines' own length, without the moves between them
    double path_length_m = 0;         // with the moves between lines
};

// Fails (with what is wrong) on fewer than 3 points, a footprint not above 0, an overlap out of
// range, or an area too large for the line count it would need (over 10,000 lines).
Result<SurveyPattern> plan_survey(const SurveySpec& spec);

// A corridor scan: passes along a polyline (a power line, a pipeline, a coast), offset to either
// side so that their footprints, overlapping by the asked share, cover a strip `width_m` wide
// centred on it; flown back and forth. At a bend a pass keeps its offset from both segments
// (a mitre), so bends sharper than 120 degrees are refused: split the line there.
struct CorridorScanSpec {
    std::vector<GeoPoint> line;  // 2 or more points
    double width_m = 0;          // the strip to see; at most the footprint: one pass along the line
    double footprint_m = 0;
    double side_overlap = 0.7;
};

// Fails (with what is wrong) on fewer than 2 distinct points, a footprint not above 0, a width
// below 0, an overlap out of range, a bend sharper than 120 degrees, or over 1,000 passes.
Result<SurveyPattern> plan_corridor_scan(const CorridorScanSpec& spec);

// How the survey is flown: from `home`, at one height above it, the camera triggered every
// `trigger_distance_m` along each line (DO_SET_CAM_TRIGG_DIST on at a line's start, off at its
// end), home again at the end (RTL).
struct SurveyFlight {
    GeoPoint home;
    double home_alt_m_amsl = 0;
    double height_m = 60;           // above home, the frame of every item
    double speed_m_s = 10;
    double trigger_distance_m = 0;  // 0: no camera commands
    Firmware firmware = Firmware::ArduPilot;
};

// The mission: take-off, then per line a waypoint at its start, the camera on, a waypoint at each
// bend and at its end, the camera off; then return to launch.
Mission survey_mission(const SurveyPattern& pattern, const SurveyFlight& flight);

}  // namespace lowsky
