#pragma once
// Strategic deconfliction: each flight's operational intent is a set of 4D volumes, one per
// corridor segment and lane it flies, with the time window it occupies them (ASTM F3548
// vocabulary). A departure is accepted only when its intent meets no accepted one:
// in a lane, two flights must enter and leave each segment at least the headway apart and
// must not overtake; where both directions share one lane, windows must not overlap at all.

#include <cstddef>
#include <cstdint>
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
    // Does the intent, delayed by `offset_s`, meet an accepted one? Returns the smallest
    // further delay that clears every conflict it met (a flight's timeline moves with its
    // departure), or a negative number when there is no conflict.
    double conflicts(const std::vector<IntentVolume>& intent, double offset_s = 0) const;
    void accept(const std::vector<IntentVolume>& intent);
    // Takes back an accepted intent (a flight called off before it left). A lane's longest
    // window stays as it was: a bound on how far back to look, still true.
    void withdraw(const std::vector<IntentVolume>& intent);
    size_t size() const { return count_; }

private:
    // The accepted windows of one direction of one segment, sorted by enter time; enter and
    // exit side by side in their own arrays, because the check walks many of them.
    struct Lane {
        std::vector<double> enter, exit;
        double longest_s = 0;  // the longest window: how far back an overlap can start
    };
    struct Segment {
        Lane way[2];  // [0] along the segment's point order, [1] reversed
    };
    const Segment* segment(const IntentVolume& v) const {
        if (v.corridor >= by_segment_.size() || v.segment >= by_segment_[v.corridor].size()) return nullptr;
        return &by_segment_[v.corridor][v.segment];
    }
    double headway_s_;
    size_t count_ = 0;
    std::vector<std::vector<Segment>> by_segment_;  // [corridor][segment]
};

}  // namespace lowsky
