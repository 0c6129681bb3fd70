#pragma once

#include "geo/geo_types.h"

namespace lowsky {

// A runway by its two threshold positions (WGS84).
struct Runway {
    GeoPoint end_a;
    GeoPoint end_b;
};

}  // namespace lowsky
