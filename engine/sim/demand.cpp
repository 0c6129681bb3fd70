#include "sim/demand.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/numbers.h"

namespace lowsky {

namespace {

double ms(double seconds) { return round_half_away(seconds * 1000.0) / 1000.0; }

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

// The day's clock under an hourly profile. Orders are drawn as a Poisson process at the rate's
// mean over the day ("flat" time); the profile's cumulative share maps flat time to the clock,
// so hour h gets 24 * w_h / sum(w) times its flat share of the orders (the profile repeats
// daily). A flat or empty profile leaves the clock as it is, and the orders as they were.
class ProfileClock {
public:
    explicit ProfileClock(const std::vector<double>& weights) {
        if (weights.size() != size_t(kProfileHours)) return;
        double sum = 0;
        for (double w : weights) sum += w;
        if (!(sum > 0) || std::all_of(weights.begin(), weights.end(), [&](double w) { return w == weights[0]; })) return;
        shaped_ = true;
        double at = 0;
        for (int h = 0; h < kProfileHours; ++h) {
            factor_[size_t(h)] = kProfileHours * weights[size_t(h)] / sum;
            start_[size_t(h)] = at;  // flat seconds before this hour starts
            at += factor_[size_t(h)] * 3600;
        }
        start_[kProfileHours] = 86400;  // the factors sum to 24: a day of flat time is a day
    }
    double operator()(double flat_s) const {
        if (!shaped_) return flat_s;
        const double day = std::floor(flat_s / 86400), into = flat_s - day * 86400;
        // The last hour that starts at or before `into` with a weight: hours of weight 0 start
        // where the next one does, and are skipped.
        const auto after = std::upper_bound(start_.begin(), start_.end() - 1, into);
        int h = int(after - start_.begin()) - 1;
        while (h > 0 && factor_[size_t(h)] == 0) --h;
        if (factor_[size_t(h)] == 0) return day * 86400 + h * 3600;  // only by rounding, at a day's edges
        return day * 86400 + h * 3600 + (into - start_[size_t(h)]) / factor_[size_t(h)];
    }

private:
    bool shaped_ = false;
    std::array<double, kProfileHours> factor_{};
    std::array<double, kProfileHours + 1> start_{};
};

}  // namespace

std::vector<SimOrder> make_orders(const Scenario& s, const SimConfig& cfg) {
    auto hub_index = [&](const std::string& id) { return int(s.find_hub(id) - s.hubs.data()); };
    std::vector<SimOrder> orders;
    const double end = cfg.hours * 3600;
    for (const auto& o : s.orders) {
        if (o.ready_s < end) orders.push_back({o.id, hub_index(o.from), hub_index(o.to), o.mass_kg, o.ready_s, o.promise_s, o.priority == OrderPriority::Emergency});
    }
    for (size_t r = 0; r < s.demand_rates.size(); ++r) {
        const DemandRate& d = s.demand_rates[r];
        const double per_day = d.per_day * cfg.demand_scale;
        if (!(per_day > 0)) continue;
        Pcg32 rng(uint64_t(cfg.seed) * 1000003ULL + r);  // one stream per rate: adding a rate leaves the others as they were
        const double rate = per_day / 86400.0;
        const ProfileClock clock(d.profile.empty() ? s.demand_profile : d.profile);
        int n = 0;
        for (double flat = rng.exponential(rate), t = clock(flat); t < end; flat += rng.exponential(rate), t = clock(flat)) {
            const double mass = d.mass_min_kg + (d.mass_max_kg - d.mass_min_kg) * rng.uniform();
            orders.push_back({d.from + ">" + d.to + "#" + std::to_string(++n), hub_index(d.from), hub_index(d.to), round_half_away(mass * 100) / 100, ms(t), d.promise_s});
        }
    }
    std::stable_sort(orders.begin(), orders.end(), [](const SimOrder& a, const SimOrder& b) { return a.ready_s < b.ready_s; });
    return orders;
}

}  // namespace lowsky
