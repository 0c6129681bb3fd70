#pragma once
// The map camera: which part of the Web Mercator plane a viewport shows, seen from straight
// above (plan view) or tilted and turned (3D). Screen positions are in device pixels, y down,
// origin at the top-left of the viewport. Zoom follows the XYZ convention in CSS pixels (the
// world is 256 * 2^zoom CSS pixels wide), so zoom 10 here looks like zoom 10 on any web map
// whatever the device pixel ratio; in 3D it is the scale at the centre of the view.
//
// 3D is a perspective camera orbiting the centre: its distance is chosen so that the ground at
// the centre keeps the plan view's scale (the vertical field of view is fixed), so tilting
// does not zoom. Heights are drawn exaggerated (height_exaggeration): a 120 m band is a
// hair's width over a 100 km region, and the altitude scale says by how much.

#include "geo/geo_types.h"

namespace lowsky {

struct MapCameraLimits {
    double min_zoom = 6.0;    // further out, and the region is a few pixels
    double max_zoom = 17.0;   // a vertiport's pads, a metre a pixel
    // The view stays over the offline map: never zoomed out so far, nor panned so near an edge,
    // that the screen shows beyond it (there is no map there, only a blank).
    GeoBounds map_bounds{111.0, 21.0, 116.0, 25.0};
};

class MapCamera {
public:
    MapCamera(GeoPoint center, double zoom, MapCameraLimits limits = {});

    void set_viewport(double width_px, double height_px, double pixel_ratio);
    double width_px() const { return width_px_; }
    double height_px() const { return height_px_; }
    double pixel_ratio() const { return pixel_ratio_; }

    GeoPoint center() const;
    MercatorPoint center_mercator() const { return center_; }
    double zoom() const { return zoom_; }

    // Mercator metres per device pixel, and ground metres per device pixel at the centre.
    double mercator_m_per_px() const;
    double ground_m_per_px() const;

    // Screen to the map at a height (the ground by default): where the ray through the pixel
    // meets that level. Above the horizon, a point far along the ray's direction.
    MercatorPoint screen_to_mercator(double sx, double sy, double height_m = 0) const;
    GeoPoint screen_to_geo(double sx, double sy, double height_m = 0) const;
    // The map at a height to the screen; false when the point is behind the camera (sx, sy
    // are then still set, far off the screen on the side it lies).
    bool mercator_to_screen(MercatorPoint m, double& sx, double& sy, double height_m = 0) const;
    bool geo_to_screen(GeoPoint g, double& sx, double& sy, double height_m = 0) const;

    // The orientation: tilt from straight down (0, plan view, to kMaxTilt_deg) and bearing
    // (the compass direction that is up on the screen, degrees clockwise from north).
    static constexpr double kMaxTilt_deg = 60.0;
    void set_orientation(double tilt_deg, double bearing_deg);
    double tilt_deg() const { return tilt_deg_; }
    double bearing_deg() const { return bearing_deg_; }
    bool is_plan_view() const { return tilt_deg_ == 0.0 && bearing_deg_ == 0.0; }
    // How many times heights are stretched on screen: about 80 CSS px for 150 m at this zoom,
    // never less than 1 (true scale once zoomed in that far).
    double height_exaggeration() const;
    // How much of the heights the view shows: 0 in plan view (everything on the ground, exactly
    // the 2D map), 1 in 3D, in between while the view animates from one to the other.
    void set_heights_shown(double share);
    double heights_shown() const { return heights_shown_; }
    // Column-major clip-space matrix for vertices given as (Mercator x - origin.x, Mercator y -
    // origin.y, height in metres, 1), for the GL renderers. Depth grows away from the camera.
    void view_projection(MercatorPoint origin, float out[16]) const;
    // Distance from the camera to a point along the view direction, in pixels (for sorting
    // translucent faces back to front).
    double depth_of(MercatorPoint m, double height_m) const;

    // The ground under (ax, ay) before the move ends up at (ax + dx, ay + dy); by default the
    // anchor is the centre (the same thing in plan view).
    void pan_by_pixels(double dx_px, double dy_px);            // content follows the pointer
    void pan_by_pixels(double dx_px, double dy_px, double anchor_x, double anchor_y);
    void orbit_by_pixels(double dx_px, double dy_px);          // a drag turns (x) and tilts (y)
    void zoom_around(double sx, double sy, double zoom_delta);  // the point under (sx, sy) stays put
    void set_view(GeoPoint center, double zoom);

    const MapCameraLimits& limits() const { return limits_; }
    // The least zoom at this viewport: the larger of the limit and the zoom at which the map
    // fills the viewport.
    double lowest_zoom() const;

private:
    void clamp();

    MercatorPoint center_;
    double zoom_;
    MapCameraLimits limits_;
    double width_px_ = 1.0;
    double height_px_ = 1.0;
    double pixel_ratio_ = 1.0;
    double tilt_deg_ = 0.0, bearing_deg_ = 0.0, heights_shown_ = 0.0;

    // The projection's terms, kept up to date by every change (projection is per vertex). In
    // pixels, the centre at the origin, x east and y north turned by the bearing, z up: the
    // camera sits at distance H from the centre, tilted back from the vertical, and H is also
    // the focal length, so that the centre keeps its scale.
    struct View {
        double k = 1;           // Mercator metres per pixel
        double z_px_per_m = 1;  // a metre of height, in pixels (exaggerated, at the centre's latitude)
        double H = 1;           // focal length and camera distance, pixels
        double cos_b = 1, sin_b = 0, cos_t = 1, sin_t = 0;
    } view_;
    void update_view();
};

}  // namespace lowsky
