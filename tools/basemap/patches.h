#pragma once
// The hand-made patch layer (assets/basemap/patches.json): land reclaimed after the GSHHG
// survey. Airport platforms are built from the runway ends of the places file, widened by
// margins; other patches are polygons drawn by hand.

#include <string>
#include <vector>

#include "basemap/basemap.h"
#include "core/result.h"
#include "places/places.h"

namespace lowsky::tools {

Result<std::vector<BasemapRing>> build_patches(const std::string& patches_json, const std::string& source,
                                               const PlaceCatalog& places);

}  // namespace lowsky::tools
