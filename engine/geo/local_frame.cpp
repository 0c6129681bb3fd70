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
    // The inverse of to_local: the point on the ellipsoid whose place on the tangent plane is p.
    // The ellipsoid falls away below the plane (about 125 m at 40 km), so the plane's point
    // itself would sit up to a metre off there; two corrections of the drop bring it to the
    // ellipsoid to well under a millimetre.
    double lat = 0, lon = 0, h = 0;
    double z = -(p.east_m * p.east_m + p.north_m * p.north_m) / (2 * 6371000.0);
    for (int i = 0; i < 3; ++i) {
        impl_->projection.Reverse(p.east_m, p.north_m, z, lat, lon, h);
        z -= h;
    }
    return {lat, lon};
}

}  // namespace lowsky
