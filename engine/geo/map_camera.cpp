#include "geo/map_camera.h"

#include <algorithm>
#include <cmath>

#include "geo/web_mercator.h"

namespace lowsky {

MapCamera::MapCamera(GeoPoint center, double zoom, MapCameraLimits limits)
    : center_(mercator::project(center)), zoom_(zoom), limits_(limits) {
    clamp();
}

void MapCamera::set_viewport(double width_px, double height_px, double pixel_ratio) {
    width_px_ = std::max(1.0, width_px);
    height_px_ = std::max(1.0, height_px);
    pixel_ratio_ = pixel_ratio > 0.0 ? pixel_ratio : 1.0;
    clamp();  // a larger window may see past the map
}

double MapCamera::lowest_zoom() const {
    const MercatorPoint sw = mercator::project({limits_.map_bounds.south_deg, limits_.map_bounds.west_deg});
    const MercatorPoint ne = mercator::project({limits_.map_bounds.north_deg, limits_.map_bounds.east_deg});
    // At zoom z a device pixel is 2 * half-world / (256 * 2^z * ratio) metres; the viewport
    // fits in the map when width * that <= the map's width, and so for the height.
    const double world = 2.0 * mercator::kHalfWorld_m / (256.0 * pixel_ratio_);
    const double fill = std::log2(std::max(width_px_ * world / (ne.x_m - sw.x_m), height_px_ * world / (ne.y_m - sw.y_m)));
    return std::min(std::max(limits_.min_zoom, fill), limits_.max_zoom);
}

GeoPoint MapCamera::center() const { return mercator::unproject(center_); }

double MapCamera::mercator_m_per_px() const {
    const double world_css_px = 256.0 * std::exp2(zoom_);
    return 2.0 * mercator::kHalfWorld_m / (world_css_px * pixel_ratio_);
}

double MapCamera::ground_m_per_px() const {
    return mercator_m_per_px() / mercator::scale_factor(center().lat_deg);
}

MercatorPoint MapCamera::screen_to_mercator(double sx, double sy) const {
    const double k = mercator_m_per_px();
    return {center_.x_m + (sx - width_px_ / 2) * k, center_.y_m - (sy - height_px_ / 2) * k};
}

void MapCamera::mercator_to_screen(MercatorPoint m, double& sx, double& sy) const {
    const double k = mercator_m_per_px();
    sx = (m.x_m - center_.x_m) / k + width_px_ / 2;
    sy = (center_.y_m - m.y_m) / k + height_px_ / 2;
}

GeoPoint MapCamera::screen_to_geo(double sx, double sy) const {
    return mercator::unproject(screen_to_mercator(sx, sy));
}

void MapCamera::geo_to_screen(GeoPoint g, double& sx, double& sy) const {
    mercator_to_screen(mercator::project(g), sx, sy);
}

void MapCamera::pan_by_pixels(double dx_px, double dy_px) {
    const double k = mercator_m_per_px();
    center_.x_m -= dx_px * k;
    center_.y_m += dy_px * k;
    clamp();
}

void MapCamera::zoom_around(double sx, double sy, double zoom_delta) {
    const MercatorPoint anchor = screen_to_mercator(sx, sy);
    zoom_ = std::clamp(zoom_ + zoom_delta, lowest_zoom(), limits_.max_zoom);
    // Move the centre so that the anchor is under (sx, sy) again.
    const double k = mercator_m_per_px();
    center_.x_m = anchor.x_m - (sx - width_px_ / 2) * k;
    center_.y_m = anchor.y_m + (sy - height_px_ / 2) * k;
    clamp();
}

void MapCamera::set_view(GeoPoint center, double zoom) {
    center_ = mercator::project(center);
    zoom_ = zoom;
    clamp();
}

void MapCamera::clamp() {
    const double lowest = lowest_zoom();
    if (!std::isfinite(zoom_)) zoom_ = lowest;
    zoom_ = std::clamp(zoom_, lowest, limits_.max_zoom);
    const MercatorPoint sw = mercator::project({limits_.map_bounds.south_deg, limits_.map_bounds.west_deg});
    const MercatorPoint ne = mercator::project({limits_.map_bounds.north_deg, limits_.map_bounds.east_deg});
    if (!std::isfinite(center_.x_m) || !std::isfinite(center_.y_m)) center_ = {(sw.x_m + ne.x_m) / 2, (sw.y_m + ne.y_m) / 2};
    // The centre at least half a view from each edge; on an axis where the view is wider than
    // the map (only when the limits forbid zooming in far enough), centred.
    const double k = mercator_m_per_px(), half_x = width_px_ / 2 * k, half_y = height_px_ / 2 * k;
    center_.x_m = ne.x_m - sw.x_m > 2 * half_x ? std::clamp(center_.x_m, sw.x_m + half_x, ne.x_m - half_x) : (sw.x_m + ne.x_m) / 2;
    center_.y_m = ne.y_m - sw.y_m > 2 * half_y ? std::clamp(center_.y_m, sw.y_m + half_y, ne.y_m - half_y) : (sw.y_m + ne.y_m) / 2;
}

}  // namespace lowsky
