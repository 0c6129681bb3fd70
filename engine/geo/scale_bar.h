#pragma once
// The scale bar: the longest "nice" ground length (1, 2 or 5 times a power of ten metres)
// that fits in a given number of pixels.

#include <string>

namespace lowsky {

struct ScaleBar {
    double length_m = 0.0;
    double length_px = 0.0;
    std::string label;  // "500 m", "2 km"
};

ScaleBar make_scale_bar(double ground_m_per_px, double max_px);

}  // namespace lowsky
