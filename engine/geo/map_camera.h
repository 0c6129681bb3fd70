#pragma once
// The 2D map camera: which part of the Web Mercator plane a viewport shows. Screen positions
// are in device pixels, y down, origin at the top-left of the viewport. Zoom follows the
// XYZ convention in CSS pixels (the world is 256 * 2^zoom CSS pixels wide), so zoom 10 here
// looks like zoom 10 on any web map whatever the device pixel ratio.

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

    MercatorPoint screen_to_mercator(double sx, double sy) const;
    void mercator_to_screen(MercatorPoint m, double& sx, double& sy) const;
    GeoPoint screen_to_geo(double sx, double sy) const;
    void geo_to_screen(GeoPoint g, double& sx, double& sy) const;

    void pan_by_pixels(double dx_px, double dy_px);            // content follows the pointer
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
};

}  // namespace lowsky
