#include "view/picking.h"

#include <algorithm>
#include <vector>

#include "geo/geodesy.h"
#include "geo/local_frame.h"
#include "geo/planar.h"
#include "view/airspace_volumes.h"

namespace lowsky {

namespace {

bool contains(const ZoneShape& shape, GeoPoint g) {
    if (shape.kind == ZoneShape::Kind::Circle) return geodesy::distance_m(g, shape.center) <= shape.radius_m;
    if (shape.polygon.size() < 3) return false;
    const LocalFrame frame(shape.polygon.front());
    std::vector<LocalPoint> poly;
    for (const auto& p : shape.polygon) poly.push_back(frame.to_local(p));
    return planar::polygon_contains(poly, frame.to_local(g));
}

}  // namespace

bool pointer_over_zone(const MapCamera& camera, const ZoneShape& shape, const AltitudeBand& band, double sx, double sy, double top_m) {
    if (camera.heights_shown() == 0.0) return contains(shape, camera.screen_to_geo(sx, sy));
    const DrawnBand drawn = drawn_band(band, top_m);  // where its solid is drawn
    for (int k = 0; k <= 8 && drawn.top_m > drawn.floor_m; ++k)
        if (contains(shape, camera.screen_to_geo(sx, sy, drawn.floor_m + (drawn.top_m - drawn.floor_m) * k / 8))) return true;
    return false;
}

}  // namespace lowsky
