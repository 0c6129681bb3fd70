#pragma once
// Limited resources over time (pads, chargers, swap stations): each unit keeps its busy
// intervals; a request gets the earliest start at or after a time when some unit is free for
// the whole duration. Requests may come in any time order.

#include <algorithm>
#include <iterator>
#include <utility>
#include <vector>

namespace lowsky {

class Calendar {
public:
    explicit Calendar(int units = 1) : busy_(size_t(std::max(units, 1))), free_from_(busy_.size(), -1e300) {}

    struct Slot {
        double start = 0;
        int unit = 0;
    };

    // The earliest slot of `duration` starting at or after `t`.
    Slot earliest(double t, double duration) const {
        Slot best{1e300, 0};
        for (size_t u = 0; u < busy_.size(); ++u) {
            // A unit free from t on (the usual case) is seen without reading its bookings.
            const double s = free_from_[u] <= t ? t : earliest_on(busy_[u], t, duration);
            if (s < best.start) best = {s, int(u)};
            if (s == t) break;  // nothing starts sooner
        }
        return best;
    }

    void book(Slot slot, double duration) {
        auto& list = busy_[size_t(slot.unit)];
        const std::pair<double, double> interval{slot.start, slot.start + duration};
        list.insert(std::upper_bound(list.begin(), list.end(), interval), interval);
        free_from_[size_t(slot.unit)] = list.back().second;
    }

    // Gives back a booking made with book(slot, duration) (a flight called off before it left).
    void unbook(Slot slot, double duration) {
        auto& list = busy_[size_t(slot.unit)];
        const std::pair<double, double> interval{slot.start, slot.start + duration};
        const auto it = std::lower_bound(list.begin(), list.end(), interval);
        if (it != list.end() && *it == interval) list.erase(it);
        free_from_[size_t(slot.unit)] = list.empty() ? -1e300 : list.back().second;
    }

private:
    static double earliest_on(const std::vector<std::pair<double, double>>& list, double t, double duration) {
        if (list.empty() || list.back().second <= t) return t;  // free from t on: the usual case
        // Intervals are sorted and do not overlap: walk from the last one that starts before t.
        // The day's clock moves forward, so that one is nearly always among the last few: look
        // there first, and search the whole day's bookings only when it is not.
        auto it = list.end();
        for (int steps = 0; it != list.begin() && std::prev(it)->first > t; ++steps) {
            if (steps == 8) {
                it = std::upper_bound(list.begin(), it, std::pair<double, double>{t, 1e300});
                break;
            }
            --it;
        }
        if (it != list.begin()) --it;
        double start = t;
        for (; it != list.end(); ++it) {
            if (it->second <= start) continue;
            if (it->first >= start + duration) break;
            start = it->second;
        }
        return start;
    }

    std::vector<std::vector<std::pair<double, double>>> busy_;
    std::vector<double> free_from_;  // per unit, the end of its last booking, side by side
};

}  // namespace lowsky
