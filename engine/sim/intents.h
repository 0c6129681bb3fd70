#pragma once
// Strategic deconfliction: each flight's operational intent is a set of 4D volumes, one per
// corridor segment and lane it flies, with the time window it occupies them (ASTM F3548
// vocabulary). A departure is accepted only when its intent meets no accepted one:
// in a lane, two flights must enter and leave each segment at least the headway apart and
// must not overtake; where both directions share one lane, windows must not overlap at all.

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace lowsky {

struct IntentVolume {
    uint32_t corridor = 0;
    uint32_t segment = 0;     // in the corridor's own point order
    bool reversed = false;    // flown from the segment's end to its start
    bool shared_lane = false; // both directions use the same lane
    double enter_s = 0, exit_s = 0;
};

class IntentRegistry {
public:
    explicit IntentRegistry(double headway_s) : headway_s_(headway_s) {}
    // Does any volume meet an accepted one? Returns the latest time a conflicting window ends
    // (a hint for when to try again), or a negative number when there is no conflict.
    double conflicts(const std::vector<IntentVolume>& intent) const;
    void accept(const std::vector<IntentVolume>& intent);
    size_t size() const { return count_; }

private:
    struct Window { double enter, exit; bool reversed; };
    static uint64_t key(const IntentVolume& v) { return (uint64_t(v.corridor) << 32) | v.segment; }
    double headway_s_;
    double longest_window_s_ = 0;
    size_t count_ = 0;
    std::unordered_map<uint64_t, std::vector<Window>> by_segment_;  // sorted by enter time
};

}  // namespace lowsky
