#pragma once
// The scenario's wind per altitude band. What it does to a flight (ground speed, airspeed,
// power) is the flight profile's business: flight/flight.h.

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

}  // namespace lowsky::energy
