#include "sim/intents.h"

#include <algorithm>
#include <cmath>

namespace lowsky {

double IntentRegistry::conflicts(const std::vector<IntentVolume>& intent, double offset) const {
    double needed = -1;
    for (const IntentVolume& iv : intent) {
        const Segment* seg = segment(iv);
        if (!seg || seg->windows.empty()) continue;
        const double enter = iv.enter_s + offset, exit = iv.exit_s + offset;
        const auto& list = seg->windows;
        // Only windows that enter close enough to this one can meet it.
        const double from = enter - seg->longest_s - headway_s_;
        auto w = std::lower_bound(list.begin(), list.end(), from, [](const Window& a, double t) { return a.enter < t; });
        for (; w != list.end() && w->enter <= exit + headway_s_; ++w) {
            double delay = -1;
            if (w->reversed == iv.reversed) {
                const double d_enter = enter - w->enter, d_exit = exit - w->exit;
                if (std::abs(d_enter) < headway_s_ || std::abs(d_exit) < headway_s_ || (d_enter > 0) != (d_exit > 0))
                    delay = std::max(w->enter + headway_s_ - enter, w->exit + headway_s_ - exit);  // follow it, a headway behind
            } else if (iv.shared_lane && enter < w->exit && w->enter < exit) {
                delay = w->exit - enter;  // head-on in one lane: wait until it has left
            }
            needed = std::max(needed, delay > 0 ? delay : (delay == -1 ? needed : 1.0));
        }
    }
    return needed;
}

void IntentRegistry::accept(const std::vector<IntentVolume>& intent) {
    for (const IntentVolume& v : intent) {
        if (v.corridor >= by_segment_.size()) by_segment_.resize(v.corridor + 1);
        if (v.segment >= by_segment_[v.corridor].size()) by_segment_[v.corridor].resize(v.segment + 1);
        Segment& seg = by_segment_[v.corridor][v.segment];
        const Window w{v.enter_s, v.exit_s, v.reversed};
        seg.windows.insert(std::upper_bound(seg.windows.begin(), seg.windows.end(), w, [](const Window& a, const Window& b) { return a.enter < b.enter; }), w);
        seg.longest_s = std::max(seg.longest_s, v.exit_s - v.enter_s);
        ++count_;
    }
}

}  // namespace lowsky
