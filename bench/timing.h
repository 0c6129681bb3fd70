#pragma once
// A small timing harness that builds the same natively and to WebAssembly (Google Benchmark
// does not build for the browser here), so that both run the very same work. Each case runs
// until it has both `min_runs` runs and `min_seconds` of time, and reports the median.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace lowsky::bench {

struct Timing {
    std::string name;
    double median_ms = 0;
    double min_ms = 0;
    int runs = 0;
};

inline Timing time_case(const std::string& name, const std::function<void()>& body, int min_runs = 15, double min_seconds = 1.0) {
    using clock = std::chrono::steady_clock;
    std::vector<double> ms;
    const auto start = clock::now();
    body();  // warm-up, not counted
    // A body faster than a millisecond is timed in batches that last about that long, each
    // sample their mean: reading the clock costs far more in WebAssembly (a call out to
    // JavaScript) than natively, and would otherwise weigh on a case of a few microseconds; and
    // a browser's clock counts in steps of 5 µs (bench/browser_bench.mjs), half a per cent of a
    // batch.
    const auto t0 = clock::now();
    body();
    const double once_ms = std::chrono::duration<double, std::milli>(clock::now() - t0).count();
    const int batch = once_ms >= 1.0 ? 1 : int(std::min(4000.0, 1.0 / std::max(once_ms, 1e-4)));
    while (int(ms.size()) < min_runs || std::chrono::duration<double>(clock::now() - start).count() < min_seconds) {
        const auto b0 = clock::now();
        for (int i = 0; i < batch; ++i) body();
        ms.push_back(std::chrono::duration<double, std::milli>(clock::now() - b0).count() / batch);
        if (ms.size() > 100000) break;
    }
    std::sort(ms.begin(), ms.end());
    Timing t{name, ms[ms.size() / 2], ms.front(), int(ms.size()) * batch};
    // One line per case, easy for scripts/bench to compare across builds.
    std::printf("BENCH %-40s median %10.5f ms  min %10.5f ms  runs %d\n", name.c_str(), t.median_ms, t.min_ms, t.runs);
    std::fflush(stdout);
    return t;
}

// Times each of `count` runs of body(i) and reports the median and the 95th percentile: for
// work done once per user action (an edit), where the slow tail is what the user feels.
inline Timing time_each(const std::string& name, int count, const std::function<void(int)>& body) {
    using clock = std::chrono::steady_clock;
    std::vector<double> ms;
    body(0);  // warm-up, not counted
    for (int i = 1; i <= count; ++i) {
        const auto t0 = clock::now();
        body(i);
        ms.push_back(std::chrono::duration<double, std::milli>(clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    const double p95 = ms[std::min(ms.size() - 1, size_t(double(ms.size()) * 0.95))];
    Timing t{name, ms[ms.size() / 2], ms.front(), int(ms.size())};
    std::printf("BENCH %-40s median %10.4f ms  min %10.4f ms  runs %d\n", name.c_str(), t.median_ms, t.min_ms, t.runs);
    std::printf("BENCH %-40s median %10.4f ms  min %10.4f ms  runs %d\n", (name + " p95").c_str(), p95, p95, t.runs);
    std::fflush(stdout);
    return t;
}

// A platform-independent uniform random source (the standard distributions are not).
class Random {
public:
    explicit Random(uint32_t seed) : state_(seed ? seed : 1) {}
    uint32_t next() {  // xorshift32
        state_ ^= state_ << 13;
        state_ ^= state_ >> 17;
        state_ ^= state_ << 5;
        return state_;
    }
    double uniform(double lo, double hi) { return lo + (hi - lo) * (next() >> 8) * (1.0 / 16777216.0); }

private:
    uint32_t state_;
};

}  // namespace lowsky::bench
