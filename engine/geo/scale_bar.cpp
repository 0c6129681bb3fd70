#include "geo/scale_bar.h"

#include <cmath>
#include <cstdio>

namespace lowsky {

ScaleBar make_scale_bar(double ground_m_per_px, double max_px) {
    ScaleBar bar;
    if (!(ground_m_per_px > 0.0) || !(max_px > 0.0) || !std::isfinite(ground_m_per_px)) return bar;
    const double max_m = ground_m_per_px * max_px;
    double decade = std::pow(10.0, std::floor(std::log10(max_m)));
    double nice = decade;
    for (double step : {5.0, 2.0, 1.0}) {
        if (step * decade <= max_m) { nice = step * decade; break; }
    }
    bar.length_m = nice;
    bar.length_px = nice / ground_m_per_px;
    char text[32];
    if (nice >= 1000.0) std::snprintf(text, sizeof text, "%g km", nice / 1000.0);
    else std::snprintf(text, sizeof text, "%g m", nice);
    bar.label = text;
    return bar;
}

}  // namespace lowsky
