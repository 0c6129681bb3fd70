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

namespace {
constexpr double kPi = 3.14159265358979323846;
// The vertical field of view is 2 atan(1/3), about 36.9 degrees: H is 1.5 times the height.
constexpr double kHalfFovTan = 1.0 / 3.0;
constexpr double kMinDepth = 0.02;  // of H: nearer than this counts as behind the camera
}  // namespace

void MapCamera::update_view() {
    const double k = mercator_m_per_px();
    const double b = bearing_deg_ * kPi / 180, t = tilt_deg_ * kPi / 180;
    const double scale = mercator::scale_factor(center().lat_deg);
    view_ = {k, heights_shown_ * height_exaggeration() * scale / k, height_px_ / 2 / kHalfFovTan, std::cos(b), std::sin(b), std::cos(t), std::sin(t)};
}

double MapCamera::height_exaggeration() const {
    const double ground_m_per_css_px = ground_m_per_px() * pixel_ratio_;
    return std::max(1.0, 80.0 * ground_m_per_css_px / 150.0);
}

MercatorPoint MapCamera::screen_to_mercator(double sx, double sy, double height_m) const {
    const View& v = view_;
    const double a = (sx - width_px_ / 2) / v.H, b = (height_px_ / 2 - sy) / v.H;
    // The ray from the camera (0, -H sin t, H cos t) along (a, sin t + b cos t, b sin t - cos t).
    const double z = height_m * v.z_px_per_m;
    const double down = std::max(v.cos_t - b * v.sin_t, kMinDepth);  // above the horizon: far along it
    const double s = std::max(v.H * v.cos_t - z, 0.0) / down;
    const double x = s * a, y = -v.H * v.sin_t + s * (v.sin_t + b * v.cos_t);
    // Turn back from the bearing.
    return {center_.x_m + (v.cos_b * x + v.sin_b * y) * v.k, center_.y_m + (-v.sin_b * x + v.cos_b * y) * v.k};
}

bool MapCamera::mercator_to_screen(MercatorPoint m, double& sx, double& sy, double height_m) const {
    const View& v = view_;
    const double dx = (m.x_m - center_.x_m) / v.k, dy = (m.y_m - center_.y_m) / v.k;
    const double x = v.cos_b * dx - v.sin_b * dy, y = v.sin_b * dx + v.cos_b * dy, z = height_m * v.z_px_per_m;
    const double up = y * v.cos_t + z * v.sin_t;
    const double depth = y * v.sin_t - z * v.cos_t + v.H;
    const double d = std::max(depth, kMinDepth * v.H);
    sx = width_px_ / 2 + x * v.H / d;
    sy = height_px_ / 2 - up * v.H / d;
    return depth >= kMinDepth * v.H;
}

GeoPoint MapCamera::screen_to_geo(double sx, double sy, double height_m) const {
    return mercator::unproject(screen_to_mercator(sx, sy, height_m));
}

bool MapCamera::geo_to_screen(GeoPoint g, double& sx, double& sy, double height_m) const {
    return mercator_to_screen(mercator::project(g), sx, sy, height_m);
}

double MapCamera::depth_of(MercatorPoint m, double height_m) const {
    const View& v = view_;
    const double dx = (m.x_m - center_.x_m) / v.k, dy = (m.y_m - center_.y_m) / v.k;
    const double y = v.sin_b * dx + v.cos_b * dy;
    return y * v.sin_t - height_m * v.z_px_per_m * v.cos_t + v.H;
}

void MapCamera::view_projection(MercatorPoint origin, float out[16]) const {
    const View& v = view_;
    // Inputs (X, Y, h, 1): X, Y Mercator metres from `origin`, h metres of height.
    // x = (cos_b (X - cx) - sin_b (Y - cy)) / k, y = (sin_b (X - cx) + cos_b (Y - cy)) / k, z = h z_px_per_m.
    const double cx = center_.x_m - origin.x_m, cy = center_.y_m - origin.y_m;
    const double x[4] = {v.cos_b / v.k, -v.sin_b / v.k, 0, -(v.cos_b * cx - v.sin_b * cy) / v.k};
    const double y[4] = {v.sin_b / v.k, v.cos_b / v.k, 0, -(v.sin_b * cx + v.cos_b * cy) / v.k};
    const double z[4] = {0, 0, v.z_px_per_m, 0};
    // Clip x = x H / (w/2), clip y = (y cos t + z sin t) H / (h/2), w = depth, and z = a w + b
    // for a near plane at 0.02 H and a far one at 100 H.
    const double n = kMinDepth * v.H, f = 100 * v.H, za = (f + n) / (f - n), zb = -2 * f * n / (f - n);
    for (int c = 0; c < 4; ++c) {
        const double clip_x = x[c] * v.H / (width_px_ / 2);
        const double clip_y = (y[c] * v.cos_t + z[c] * v.sin_t) * v.H / (height_px_ / 2);
        const double clip_w = y[c] * v.sin_t - z[c] * v.cos_t + (c == 3 ? v.H : 0);
        const double clip_z = za * clip_w + (c == 3 ? zb : 0);
        out[c * 4 + 0] = float(clip_x);
        out[c * 4 + 1] = float(clip_y);
        out[c * 4 + 2] = float(clip_z);
        out[c * 4 + 3] = float(clip_w);
    }
}

void MapCamera::set_orientation(double tilt_deg, double bearing_deg) {
    tilt_deg_ = std::isfinite(tilt_deg) ? std::clamp(tilt_deg, 0.0, kMaxTilt_deg) : 0.0;
    bearing_deg_ = std::isfinite(bearing_deg) ? std::fmod(std::fmod(bearing_deg, 360.0) + 360.0, 360.0) : 0.0;
    update_view();
}

void MapCamera::set_heights_shown(double share) {
    heights_shown_ = std::isfinite(share) ? std::clamp(share, 0.0, 1.0) : 0.0;
    update_view();
}

void MapCamera::orbit_by_pixels(double dx_px, double dy_px) {
    const double per_px = 0.3 / pixel_ratio_;  // degrees per CSS pixel
    set_orientation(tilt_deg_ - dy_px * per_px, bearing_deg_ - dx_px * per_px);
}

void MapCamera::pan_by_pixels(double dx_px, double dy_px) {
    pan_by_pixels(dx_px, dy_px, width_px_ / 2 + dx_px, height_px_ / 2 + dy_px);
}

void MapCamera::pan_by_pixels(double dx_px, double dy_px, double anchor_x, double anchor_y) {
    // The ground that was under the anchor before the move is under it after: shift the
    // centre by the difference of the two ground points.
    const MercatorPoint was = screen_to_mercator(anchor_x - dx_px, anchor_y - dy_px);
    const MercatorPoint now = screen_to_mercator(anchor_x, anchor_y);
    center_.x_m += was.x_m - now.x_m;
    center_.y_m += was.y_m - now.y_m;
    clamp();
}

void MapCamera::zoom_around(double sx, double sy, double zoom_delta) {
    const MercatorPoint anchor = screen_to_mercator(sx, sy);
    zoom_ = std::clamp(zoom_ + zoom_delta, lowest_zoom(), limits_.max_zoom);
    update_view();
    // Move the centre so that the anchor is under (sx, sy) again.
    const MercatorPoint now = screen_to_mercator(sx, sy);
    center_.x_m += anchor.x_m - now.x_m;
    center_.y_m += anchor.y_m - now.y_m;
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
    update_view();
}

}  // namespace lowsky
