#include "energy/wind.h"

namespace lowsky::energy {

WindVector wind_at(const std::vector<WindBand>& bands, double h) {
    for (const auto& b : bands) {
        if (h >= b.floor_m_agl && h < b.ceiling_m_agl) return {b.from_deg, b.speed_m_s};
    }
    return {};
}

}  // namespace lowsky::energy
