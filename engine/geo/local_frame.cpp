#include "geo/local_frame.h"

#include <GeographicLib/LocalCartesian.hpp>

namespace lowsky {

struct LocalFrame::Impl {
    GeographicLib::LocalCartesian projection;
};

LocalFrame::LocalFrame(GeoPoint origin)
    : origin_(origin), impl_(new Impl{GeographicLib::LocalCartesian(origin.lat_deg, origin.lon_deg, 0.0)}) {}
LocalFrame::~LocalFrame() = default;
LocalFrame::LocalFrame(const LocalFrame& other) : origin_(other.origin_), impl_(new Impl(*other.impl_)) {}
LocalFrame& LocalFrame::operator=(const LocalFrame& other) {
    origin_ = other.origin_;
    impl_.reset(new Impl(*other.impl_));
    return *this;
}

LocalPoint LocalFrame::to_local(GeoPoint p) const {
    double x, y, z;
    impl_->projection.Forward(p.lat_deg, p.lon_deg, 0.0, x, y, z);
    return {x, y};
}

GeoPoint LocalFrame::to_geo(LocalPoint p) const {
    // The inverse of a point on the tangent plane: its height above the ellipsoid is not 0,
    // but latitude and longitude of the point below are what a map needs.
    double lat, lon, h;
    impl_->projection.Reverse(p.east_m, p.north_m, 0.0, lat, lon, h);
    return {lat, lon};
}

}  // namespace lowsky
