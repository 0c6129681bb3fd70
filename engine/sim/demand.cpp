#include "sim/demand.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>

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

constexpr size_t kOrdersPerStep = 4096;

// One run of orders in time order, and how far the merge has taken it.
struct OrderRun {
    std::vector<SimOrder> orders;
    size_t next = 0;
};

struct OrderMaking {
    OrderMaking(const Scenario& scenario, const SimConfig& config) : s(scenario), cfg(config), end(config.hours * 3600) {}
    const Scenario& s;
    SimConfig cfg;
    double end;
    size_t given = 0;            // explicit orders within the hours
    std::vector<OrderRun> runs;  // the explicit orders, then one per rate drawn
    // Drawing: the rate being drawn and where its generator and clock are.
    size_t rate = 0;
    std::optional<Pcg32> rng;
    std::optional<ProfileClock> clock;
    double flat = 0, t = 0;
    int drawn = 0;
    // Merging: the runs' next orders, earliest (then earliest run) on top.
    std::vector<std::pair<double, size_t>> heap;
    bool merging = false;
    std::vector<SimOrder> merged;
    bool done = false;
};

namespace {

int hub_index(const Scenario& s, const std::string& id) { return int(s.find_hub(id) - s.hubs.data()); }

// A run drawn from a profile is in time order but for rounding at an hour's edge: sort it if so.
void put_in_time_order(std::vector<SimOrder>& run) {
    const auto earlier = [](const SimOrder& a, const SimOrder& b) { return a.ready_s < b.ready_s; };
    if (!std::is_sorted(run.begin(), run.end(), earlier)) std::stable_sort(run.begin(), run.end(), earlier);
}

// The heap's order: a later time, or the same time from a later run, sinks.
bool sinks(const std::pair<double, size_t>& a, const std::pair<double, size_t>& b) { return a > b; }

}  // namespace

OrderMaker::OrderMaker(const Scenario& s, const SimConfig& cfg) : state_(std::make_unique<OrderMaking>(s, cfg)) {
    OrderMaking& m = *state_;
    OrderRun given;
    for (const auto& o : s.orders)
        if (o.ready_s < m.end)
            given.orders.push_back({o.id, hub_index(s, o.from), hub_index(s, o.to), o.mass_kg, o.ready_s, o.promise_s, o.priority == OrderPriority::Emergency});
    put_in_time_order(given.orders);
    m.given = given.orders.size();
    m.runs.push_back(std::move(given));
}

OrderMaker::~OrderMaker() = default;

size_t OrderMaker::expected_count() const {
    const OrderMaking& m = *state_;
    double n = double(m.given);
    for (const DemandRate& d : m.s.demand_rates)
        if (d.per_day * m.cfg.demand_scale > 0) n += d.per_day * m.cfg.demand_scale * m.end / 86400.0;
    // Absurd rates are refused elsewhere; here they must not overflow the cast.
    return n < double(SIZE_MAX / 2) ? size_t(n) : SIZE_MAX / 2;
}

bool OrderMaker::advance(const std::function<bool()>& pause) {
    OrderMaking& m = *state_;
    if (m.done) return true;
    const Scenario& s = m.s;
    size_t made = 0;
    const auto step_over = [&] { return ++made % kOrdersPerStep == 0 && pause && pause(); };
    while (!m.merging && m.rate < s.demand_rates.size()) {
        const DemandRate& d = s.demand_rates[m.rate];
        const double per_day = d.per_day * m.cfg.demand_scale;
        if (!(per_day > 0)) {
            ++m.rate;
            continue;
        }
        const double rate = per_day / 86400.0;
        if (!m.rng) {
            m.rng.emplace(uint64_t(m.cfg.seed) * 1000003ULL + m.rate);  // one stream per rate: adding a rate leaves the others as they were
            m.clock.emplace(d.profile.empty() ? s.demand_profile : d.profile);
            m.flat = m.rng->exponential(rate);
            m.t = (*m.clock)(m.flat);
            m.drawn = 0;
            m.runs.emplace_back();
        }
        // The same for every order of the rate: worked out once.
        const int from = hub_index(s, d.from), to = hub_index(s, d.to);
        const std::string prefix = d.from + ">" + d.to + "#";
        auto& run = m.runs.back().orders;
        while (m.t < m.end) {
            const double mass = d.mass_min_kg + (d.mass_max_kg - d.mass_min_kg) * m.rng->uniform();
            run.push_back({prefix + std::to_string(++m.drawn), from, to, round_half_away(mass * 100) / 100, ms(m.t), d.promise_s});
            m.flat += m.rng->exponential(rate);
            m.t = (*m.clock)(m.flat);
            if (m.t < m.end && step_over()) return false;
        }
        put_in_time_order(run);
        m.rng.reset();
        m.clock.reset();
        ++m.rate;
        if (pause && pause()) return false;
    }
    if (!m.merging) {
        m.merging = true;
        size_t total = 0;
        for (size_t r = 0; r < m.runs.size(); ++r) {
            total += m.runs[r].orders.size();
            if (!m.runs[r].orders.empty()) m.heap.push_back({m.runs[r].orders.front().ready_s, r});
        }
        std::make_heap(m.heap.begin(), m.heap.end(), sinks);
        m.merged.reserve(total);
        if (pause && pause()) return false;
    }
    while (!m.heap.empty()) {
        std::pop_heap(m.heap.begin(), m.heap.end(), sinks);
        OrderRun& run = m.runs[m.heap.back().second];
        m.merged.push_back(std::move(run.orders[run.next++]));
        if (run.next < run.orders.size()) {
            m.heap.back().first = run.orders[run.next].ready_s;
            std::push_heap(m.heap.begin(), m.heap.end(), sinks);
        } else {
            m.heap.pop_back();
            run.orders = {};
        }
        if (!m.heap.empty() && step_over()) return false;
    }
    m.runs.clear();
    m.done = true;
    return true;
}

std::vector<SimOrder> OrderMaker::take() { return std::move(state_->merged); }

std::vector<SimOrder> make_orders(const Scenario& s, const SimConfig& cfg) {
    OrderMaker maker(s, cfg);
    maker.advance({});
    return maker.take();
}

}  // namespace lowsky
