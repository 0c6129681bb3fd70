#include "sim/restriction.h"

#include <algorithm>

#include "geo/local_frame.h"
#include "geo/planar.h"

namespace lowsky {

namespace {

GeoPoint centre_of(const ZoneShape& shape) {
    if (shape.kind == ZoneShape::Kind::Circle || shape.polygon.empty()) return shape.center;
    double lat = 0, lon = 0;
    for (const GeoPoint& p : shape.polygon) lat += p.lat_deg, lon += p.lon_deg;
    return {lat / double(shape.polygon.size()), lon / double(shape.polygon.size())};
}

}  // namespace

bool track_crosses(const std::vector<TrackPoint>& track, const TemporaryRestriction& r) {
    if (track.size() < 2 || r.end_s <= r.start_s) return false;
    const LocalFrame frame(centre_of(r.shape));
    std::vector<LocalPoint> polygon;
    for (const GeoPoint& p : r.shape.polygon) polygon.push_back(frame.to_local(p));
    const bool circle = r.shape.kind == ZoneShape::Kind::Circle;
    for (size_t i = 0; i + 1 < track.size(); ++i) {
        const TrackPoint& a = track[i];
        const TrackPoint& b = track[i + 1];
        if (a.on_ground && b.on_ground) continue;
        if (b.t_s <= r.start_s || a.t_s >= r.end_s) continue;
        // The part of the piece flown while the restriction is active (positions are linear in time).
        const double span = b.t_s - a.t_s;
        const double u0 = span > 0 ? std::max(0.0, (r.start_s - a.t_s) / span) : 0.0;
        const double u1 = span > 0 ? std::min(1.0, (r.end_s - a.t_s) / span) : 1.0;
        auto at = [&](double u) { return frame.to_local({a.lat_deg + (b.lat_deg - a.lat_deg) * u, a.lon_deg + (b.lon_deg - a.lon_deg) * u}); };
        const LocalPoint p = at(u0), q = at(u1);
        if (circle) {
            if (planar::point_segment({0, 0}, p, q).distance_m <= r.shape.radius_m) return true;
        } else if (polygon.size() >= 3 && planar::segment_polygon(p, q, polygon).distance_m <= 0) {
            return true;
        }
    }
    return false;
}

Zone restriction_zone(const TemporaryRestriction& r) {
    Zone z;
    z.id = "restriction-" + r.id;
    z.name = "temporary restriction " + r.id;
    z.kind = ZoneKind::NoFly;
    z.shape = r.shape;
    z.band.floor = {0, AltitudeReference::AboveGround};
    z.band.ceiling = {10000, AltitudeReference::AboveGround};
    z.source = "temporary restriction";
    return z;
}

}  // namespace lowsky
