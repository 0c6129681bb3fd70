#include "sim/demand.h"

#include <algorithm>
#include <cmath>

namespace lowsky {

namespace {

double ms(double seconds) { return std::round(seconds * 1000.0) / 1000.0; }

// PCG32: small, fast, and the same sequence on every platform (the standard distributions are not).
class Pcg32 {
public:
    explicit Pcg32(uint64_t seed) { state_ = seed + 0x853c49e6748fea9bULL; next(); }
    uint32_t next() {
        const uint64_t old = state_;
        state_ = old * 6364136223846793005ULL + 1442695040888963407ULL;
        const uint32_t xorshifted = uint32_t(((old >> 18u) ^ old) >> 27u);
        const uint32_t rot = uint32_t(old >> 59u);
        return (xorshifted >> rot) | (xorshifted << ((-rot) & 31));
    }
    double uniform() { return (next() >> 8) * (1.0 / 16777216.0); }  // [0, 1)
    double exponential(double rate) { return -std::log(1.0 - uniform()) / rate; }

private:
    uint64_t state_;
};

}  // namespace

std::vector<SimOrder> make_orders(const Scenario& s, const SimConfig& cfg) {
    auto hub_index = [&](const std::string& id) { return int(s.find_hub(id) - s.hubs.data()); };
    std::vector<SimOrder> orders;
    const double end = cfg.hours * 3600;
    for (const auto& o : s.orders) {
        if (o.ready_s < end) orders.push_back({o.id, hub_index(o.from), hub_index(o.to), o.mass_kg, o.ready_s, o.promise_s});
    }
    for (size_t r = 0; r < s.demand_rates.size(); ++r) {
        const DemandRate& d = s.demand_rates[r];
        const double per_day = d.per_day * cfg.demand_scale;
        if (!(per_day > 0)) continue;
        Pcg32 rng(uint64_t(cfg.seed) * 1000003ULL + r);  // one stream per rate: adding a rate leaves the others as they were
        const double rate = per_day / 86400.0;
        int n = 0;
        for (double t = rng.exponential(rate); t < end; t += rng.exponential(rate)) {
            const double mass = d.mass_min_kg + (d.mass_max_kg - d.mass_min_kg) * rng.uniform();
            orders.push_back({d.from + ">" + d.to + "#" + std::to_string(++n), hub_index(d.from), hub_index(d.to), std::round(mass * 100) / 100, ms(t), d.promise_s});
        }
    }
    std::stable_sort(orders.begin(), orders.end(), [](const SimOrder& a, const SimOrder& b) { return a.ready_s < b.ready_s; });
    return orders;
}

}  // namespace lowsky
