#include "sim/intents.h"

#include <algorithm>
#include <cmath>

namespace lowsky {

double IntentRegistry::conflicts(const std::vector<IntentVolume>& intent) const {
    double worst = -1;
    for (const IntentVolume& v : intent) {
        auto it = by_segment_.find(key(v));
        if (it == by_segment_.end()) continue;
        const auto& list = it->second;
        // Only windows that enter close enough to this one can meet it.
        const double from = v.enter_s - longest_window_s_ - headway_s_;
        auto w = std::lower_bound(list.begin(), list.end(), from, [](const Window& a, double t) { return a.enter < t; });
        for (; w != list.end() && w->enter <= v.exit_s + headway_s_; ++w) {
            bool clash;
            if (w->reversed == v.reversed) {
                const double d_enter = v.enter_s - w->enter, d_exit = v.exit_s - w->exit;
                clash = std::abs(d_enter) < headway_s_ || std::abs(d_exit) < headway_s_ || (d_enter > 0) != (d_exit > 0);
            } else {
                clash = v.shared_lane && v.enter_s < w->exit && w->enter < v.exit_s;  // head-on in one lane
            }
            if (clash) worst = std::max(worst, w->exit);
        }
    }
    return worst;
}

void IntentRegistry::accept(const std::vector<IntentVolume>& intent) {
    for (const IntentVolume& v : intent) {
        auto& list = by_segment_[key(v)];
        const Window w{v.enter_s, v.exit_s, v.reversed};
        list.insert(std::upper_bound(list.begin(), list.end(), w, [](const Window& a, const Window& b) { return a.enter < b.enter; }), w);
        longest_window_s_ = std::max(longest_window_s_, v.exit_s - v.enter_s);
        ++count_;
    }
}

}  // namespace lowsky
