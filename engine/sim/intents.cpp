#include "sim/intents.h"

#include <algorithm>
#include <cmath>

namespace lowsky {

namespace {

// The first window of a lane that enters at or after t. The day's clock moves forward, so that
// one is nearly always among the last few of the lane's windows: gallop back from the end (1, 2,
// 4... windows), then search only the stretch found, not the whole day's (the same index).
size_t first_entering(const std::vector<double>& enter, double t) {
    size_t hi = enter.size(), step = 1;
    while (hi > 0 && enter[hi - 1] >= t) {
        const size_t lo = hi > step ? hi - step : 0;
        if (enter[lo] < t) return size_t(std::lower_bound(enter.begin() + std::ptrdiff_t(lo), enter.begin() + std::ptrdiff_t(hi), t) - enter.begin());
        hi = lo;
        step *= 2;
    }
    return hi;
}

}  // namespace

double IntentRegistry::conflicts(const std::vector<IntentVolume>& intent, double offset) const {
    double needed = -1;
    auto need = [&](double delay) { needed = std::max(needed, delay > 0 ? delay : 1.0); };
    for (const IntentVolume& iv : intent) {
        const Segment* seg = segment(iv);
        if (!seg) continue;
        const double enter = iv.enter_s + offset, exit = iv.exit_s + offset, h = headway_s_;
        // The same direction: only windows that enter close enough to this one can meet it.
        const Lane& same = seg->way[iv.reversed ? 1 : 0];
        for (size_t k = first_entering(same.enter, enter - same.longest_s - h); k < same.enter.size() && same.enter[k] <= exit + h; ++k) {
            const double d_enter = enter - same.enter[k], d_exit = exit - same.exit[k];
            if (std::abs(d_enter) < h || std::abs(d_exit) < h || (d_enter > 0) != (d_exit > 0))
                need(std::max(same.enter[k] + h - enter, same.exit[k] + h - exit));  // follow it, a headway behind
        }
        if (!iv.shared_lane) continue;
        // Head-on in one lane: wait until the other has left.
        const Lane& other = seg->way[iv.reversed ? 0 : 1];
        for (size_t k = first_entering(other.enter, enter - other.longest_s); k < other.enter.size() && other.enter[k] < exit; ++k)
            if (enter < other.exit[k]) need(other.exit[k] - enter);
    }
    return needed;
}

void IntentRegistry::accept(const std::vector<IntentVolume>& intent) {
    for (const IntentVolume& v : intent) {
        if (v.corridor >= by_segment_.size()) by_segment_.resize(v.corridor + 1);
        if (v.segment >= by_segment_[v.corridor].size()) by_segment_[v.corridor].resize(v.segment + 1);
        Lane& lane = by_segment_[v.corridor][v.segment].way[v.reversed ? 1 : 0];
        const auto at = std::upper_bound(lane.enter.begin(), lane.enter.end(), v.enter_s) - lane.enter.begin();
        lane.enter.insert(lane.enter.begin() + at, v.enter_s);
        lane.exit.insert(lane.exit.begin() + at, v.exit_s);
        lane.longest_s = std::max(lane.longest_s, v.exit_s - v.enter_s);
        ++count_;
    }
}

void IntentRegistry::withdraw(const std::vector<IntentVolume>& intent) {
    for (const IntentVolume& v : intent) {
        if (!segment(v)) continue;
        Lane& lane = by_segment_[v.corridor][v.segment].way[v.reversed ? 1 : 0];
        // Among the windows entered at that moment, the one that also leaves when this one does.
        auto at = std::lower_bound(lane.enter.begin(), lane.enter.end(), v.enter_s) - lane.enter.begin();
        for (; at < long(lane.enter.size()) && lane.enter[size_t(at)] == v.enter_s; ++at) {
            if (lane.exit[size_t(at)] != v.exit_s) continue;
            lane.enter.erase(lane.enter.begin() + at);
            lane.exit.erase(lane.exit.begin() + at);
            --count_;
            break;
        }
    }
}

}  // namespace lowsky
