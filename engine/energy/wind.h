#pragma once
// Wind along a flight: the scenario's wind per altitude band changes the ground speed for a
// given airspeed, and so the time spent, and the energy (power follows the airspeed).

#include <vector>

#include "geo/geo_types.h"
#include "scenario/scenario.h"

namespace lowsky::energy {

struct WindVector {
    double from_deg = 0;  // where it blows from, true
    double speed_m_s = 0;
};

// The wind of the band that contains `height_m_agl` (still air outside every band).
WindVector wind_at(const std::vector<WindBand>& bands, double height_m_agl);

// Ground speed along `track_deg` when flying at `airspeed_m_s` in `wind`, crabbing to hold the
// track. Zero or less: the drone cannot make headway.
double ground_speed_m_s(double airspeed_m_s, double track_deg, WindVector wind);

struct CruiseCost {
    double time_s = 0;
    double energy_wh = 0;
    bool feasible = true;  // false when the wind is too strong to make headway on some segment
};

// Level flight along `path` at `airspeed_m_s` and `height_m_agl`, in the scenario's wind.
CruiseCost cruise_with_wind(const DroneType& type, double payload_kg, const std::vector<GeoPoint>& path, double airspeed_m_s,
                            double height_m_agl, const std::vector<WindBand>& wind, double air_density_kg_m3);

}  // namespace lowsky::energy
