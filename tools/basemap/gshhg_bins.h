#pragma once
// Reads GMT's binned GSHHG files. The shoreline file (binned_GSHHS_f.nc) is assembled, bin by
// bin, into closed land/lake rings that can be filled; the river and border files
// (binned_river_f.nc, binned_border_f.nc: WDBII) into open lines. Bins are 1 degree; bin
// b = i + 360 j with j counted from the north; a point is a pair of 16-bit offsets from the
// bin's south-west corner in units of 1/65535 of the bin. A shoreline segment's info packs
// npts << 9 | level << 6 | entry << 3 | exit; the line files give size and level apart.

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

// The segments of a river or border file in the range whose level is one of `levels`, as lines
// (a line crossing bins comes as one piece per bin).
Result<std::vector<BasemapLine>> extract_gshhg_lines(const std::string& path, BinRange range, LineKind kind, const std::vector<int>& levels);

}  // namespace lowsky::tools
