#pragma once
// Coordinate types. Geodetic (WGS84 degrees) and projected (Web Mercator metres) points are
// distinct types so that one can never be passed where the other is expected.

namespace lowsky {

// A WGS84 position in degrees: what GNSS, PX4, ArduPilot and every MAVLink mission use.
struct GeoPoint {
    double lat_deg = 0.0;
    double lon_deg = 0.0;
};

// A Web Mercator (EPSG:3857) position in metres: x east, y north.
struct MercatorPoint {
    double x_m = 0.0;
    double y_m = 0.0;
};

// A geodetic bounding box in degrees.
struct GeoBounds {
    double west_deg = 0.0;
    double south_deg = 0.0;
    double east_deg = 0.0;
    double north_deg = 0.0;

    bool contains(GeoPoint p) const {
        return p.lon_deg >= west_deg && p.lon_deg <= east_deg && p.lat_deg >= south_deg && p.lat_deg <= north_deg;
    }
};

}  // namespace lowsky
