#pragma once
// Whose rules apply where: Hong Kong and Macau inside their outlines (land and waters, as the
// basemap's border lines draw them: engine/airspace/jurisdiction_outlines.inc), the mainland
// everywhere else. Outlines are tested in plain degrees: at a few kilometres the difference from
// geodesic edges is metres, well inside the outlines' own accuracy (a 1:1M source).

#include <cstddef>
#include <vector>

#include "geo/geo_types.h"
#include "scenario/scenario.h"

namespace lowsky {

Jurisdiction jurisdiction_at(GeoPoint p);

// The outline of Hong Kong or Macau (closed implicitly); empty for the mainland.
const std::vector<GeoPoint>& jurisdiction_outline(Jurisdiction j);

// Where a polyline passes from one jurisdiction into another, in order along it.
struct BorderCrossing {
    size_t segment = 0;  // the polyline's segment it crosses in
    double along = 0;    // 0 to 1 along that segment
    GeoPoint at;
    Jurisdiction from = Jurisdiction::Mainland, to = Jurisdiction::Mainland;
};
std::vector<BorderCrossing> border_crossings(const std::vector<GeoPoint>& line);

// The pieces of a polyline inside each jurisdiction: the jurisdiction of each stretch between
// its ends and crossings.
struct JurisdictionStretch {
    Jurisdiction jurisdiction = Jurisdiction::Mainland;
    std::vector<GeoPoint> points;
};
std::vector<JurisdictionStretch> jurisdiction_stretches(const std::vector<GeoPoint>& line);

// "the mainland", "Hong Kong", "Macau": for people.
const char* jurisdiction_name(Jurisdiction j);

}  // namespace lowsky
