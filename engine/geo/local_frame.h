#pragma once
// A local east-north frame in metres on the WGS84 tangent plane at an origin (GeographicLib's
// LocalCartesian). Corridor and zone geometry is checked here: within the ~300 km of the
// Greater Bay Area its distances agree with geodesics to better than 0.1 %.

#include <memory>

#include "geo/geo_types.h"

namespace lowsky {

struct LocalPoint {
    double east_m = 0.0;
    double north_m = 0.0;
};

class LocalFrame {
public:
    explicit LocalFrame(GeoPoint origin);
    ~LocalFrame();
    LocalFrame(const LocalFrame& other);
    LocalFrame& operator=(const LocalFrame& other);

    GeoPoint origin() const { return origin_; }
    LocalPoint to_local(GeoPoint p) const;  // on the ellipsoid (height 0)
    GeoPoint to_geo(LocalPoint p) const;

private:
    struct Impl;
    GeoPoint origin_;
    std::unique_ptr<Impl> impl_;
};

}  // namespace lowsky
