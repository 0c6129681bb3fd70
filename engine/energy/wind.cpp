#include "energy/wind.h"

#include <cmath>

#include "energy/energy_model.h"
#include "geo/geodesy.h"

namespace lowsky::energy {

namespace {
constexpr double kDegToRad = 3.14159265358979323846 / 180.0;
}

WindVector wind_at(const std::vector<WindBand>& bands, double h) {
    for (const auto& b : bands) {
        if (h >= b.floor_m_agl && h < b.ceiling_m_agl) return {b.from_deg, b.speed_m_s};
    }
    return {};
}

double ground_speed_m_s(double airspeed, double track_deg, WindVector wind) {
    // The wind blows towards from + 180 degrees. Split it along and across the track.
    const double towards = (wind.from_deg + 180.0 - track_deg) * kDegToRad;
    const double along = wind.speed_m_s * std::cos(towards);
    const double across = wind.speed_m_s * std::sin(towards);
    if (std::abs(across) >= airspeed) return 0.0;
    return std::sqrt(airspeed * airspeed - across * across) + along;
}

CruiseCost cruise_with_wind(const DroneType& type, double payload_kg, const std::vector<GeoPoint>& path, double airspeed,
                            double height_m_agl, const std::vector<WindBand>& bands, double rho) {
    CruiseCost cost;
    const WindVector wind = wind_at(bands, height_m_agl);
    const double power = cruise_power_w(type, payload_kg, airspeed, Air{rho});
    for (size_t i = 0; i + 1 < path.size(); ++i) {
        const geodesy::Inverse leg = geodesy::inverse(path[i], path[i + 1]);
        const double gs = ground_speed_m_s(airspeed, leg.initial_bearing_deg, wind);
        if (gs <= 0.5) {
            cost.feasible = false;
            continue;
        }
        const double t = leg.distance_m / gs;
        cost.time_s += t;
        cost.energy_wh += power * t / 3600.0;
    }
    return cost;
}

}  // namespace lowsky::energy
