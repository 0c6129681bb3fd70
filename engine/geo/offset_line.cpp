#include "geo/offset_line.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "geo/local_frame.h"

namespace lowsky {

std::vector<GeoPoint> offset_right(const std::vector<GeoPoint>& path, double offset_m) {
    if (path.size() < 2) return path;
    const LocalFrame frame(path.front());
    std::vector<LocalPoint> p;
    for (const auto& g : path) p.push_back(frame.to_local(g));
    std::vector<GeoPoint> out;
    for (size_t i = 0; i < p.size(); ++i) {
        auto right_normal = [&](size_t a, size_t b) {
            const double dx = p[b].east_m - p[a].east_m, dy = p[b].north_m - p[a].north_m, n = std::hypot(dx, dy);
            return n > 0 ? std::pair<double, double>{dy / n, -dx / n} : std::pair<double, double>{0, 0};
        };
        auto n1 = right_normal(i > 0 ? i - 1 : 0, i > 0 ? i : 1);
        auto n2 = right_normal(i + 1 < p.size() ? i : i - 1, i + 1 < p.size() ? i + 1 : i);
        double nx = n1.first + n2.first, ny = n1.second + n2.second;
        const double len = std::hypot(nx, ny);
        if (len < 1e-9) { nx = n1.first; ny = n1.second; } else { nx /= len; ny /= len; }
        const double cos_half = std::max(0.5, nx * n1.first + ny * n1.second);
        out.push_back(frame.to_geo({p[i].east_m + nx * offset_m / cos_half, p[i].north_m + ny * offset_m / cos_half}));
    }
    return out;
}

}  // namespace lowsky
