#pragma once
// Reads GMT's binned GSHHG shoreline file (binned_GSHHS_f.nc) and assembles, bin by bin,
// closed land/lake rings that can be filled. Decoding facts: shared/reference/GBA.md.

#include <string>
#include <vector>

#include "basemap/basemap.h"
#include "core/result.h"

namespace lowsky::tools {

struct BinRange {
    int west_deg, south_deg, east_deg, north_deg;  // whole bins (GSHHG full uses 1-degree bins)
};

struct GshhgExtract {
    std::vector<BasemapRing> rings;  // rings in degrees; bin-edge points are exact bin coordinates
    std::string version;             // the file's "version" attribute
};

Result<GshhgExtract> extract_gshhg(const std::string& path, BinRange range);

}  // namespace lowsky::tools
