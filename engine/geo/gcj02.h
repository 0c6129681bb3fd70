#pragma once
// GCJ-02, the obfuscated datum of mainland Chinese web maps (AMap/Gaode, Tencent). A point
// copied from such a map is drawn about 600 m from its WGS84 position in the GBA; anything
// imported from them is converted before it becomes a mission. The forward transform is the
// published one; the inverse is found by iteration.

#include "geo/geo_types.h"

namespace lowsky {

// Outside the transform's box (roughly China's) both functions return the point unchanged.
GeoPoint wgs84_to_gcj02(GeoPoint wgs84);
GeoPoint gcj02_to_wgs84(GeoPoint gcj02);  // to better than 1e-8 degree

}  // namespace lowsky
