#pragma once
// The orders waiting at one hub, first come first served, and the walk that dispatches them.
//
// The walk's rules: go through the orders in arrival order. An order seen for the first time
// is admitted (or dropped when it can never be served) and learns the set of drone types that
// can fly it. An order is tried unless an earlier order with the same set of types failed in
// this walk: it then fails the same way (no drone of those types is free), and takes that
// failure's cause without a try. Once no drone at all is free, the walk stops at the next
// order it has seen before; orders seen for the first time are still admitted.
//
// A busy hub holds thousands of waiting orders, and a walk that touched each of them would
// cost more than the flights it dispatches. So orders are grouped by their set of types: a
// walk tries the head of each group in arrival order, skips a group once it fails, and
// records "everything in this group up to here waited for this cause" as one run instead of
// writing it into every order. A walk costs the orders it tries, not the orders that wait.

#include <algorithm>
#include <cstdint>
#include <deque>
#include <limits>
#include <utility>
#include <vector>

#include "sim/sim_types.h"

namespace lowsky {

class OrderQueue {
public:
    void arrive(int order) { fresh_.push_back({next_seq_++, order, WaitCause::None}); }

    size_t size() const {
        size_t n = fresh_.size();
        for (const Group& g : groups_) n += g.entries.size();
        return n;
    }

    // One walk, or the rest of one that `pause` stopped; true when it is done. `hub` provides:
    //   bool any_free()                         is any drone of the hub free now?
    //   bool admit(int order, uint64_t& types)  false drops the order; else its types (0: try it always)
    //   bool fly(int order, WaitCause& cause)   true when the order left (flown or given up);
    //                                           else why it waits, in `cause` (which comes in as
    //                                           the cause it waited for so far)
    // `pause()` is asked after each order tried (planning a flight can take milliseconds in
    // WebAssembly) and every kAdmitsBetweenPauses orders otherwise; when it says stop, the walk
    // keeps its place and the next call (with nothing else done to the queue in between) goes on
    // from there, so a walk cut into pieces ends exactly as one in one go. A hub whose drones
    // were all busy for a while can have a couple of thousand orders to admit in one walk.
    template <class Hub, class Pause>
    bool dispatch(Hub& hub, Pause&& pause) {
        if (!walking_) {
            walking_ = true;
            failed_.clear();
            stop_ = kAll;  // the walk saw every order that arrived before `stop_`
            if (!hub.any_free()) {
                stop_ = first_seen_after(0, true);
                seen_done_ = true;
            } else {
                for (Group& g : groups_) g.cursor = 0;
                seen_done_ = false;
            }
        }
        // Asked before each step; a try spends the whole allowance.
        const auto stopped = [&] {
            if (++steps_ < kAdmitsBetweenPauses) return false;
            steps_ = 0;
            return bool(pause());
        };
        const auto tried = [&] { steps_ = kAdmitsBetweenPauses; };
        // Orders seen before, in arrival order across the groups that have not failed.
        while (!seen_done_) {
            if (stopped()) return false;
            Group* next = nullptr;
            for (Group& g : groups_) {
                if (failed(g) || g.cursor >= g.entries.size()) continue;
                if (!next || g.entries[g.cursor].seq < next->entries[next->cursor].seq) next = &g;
            }
            if (!next) break;
            Group& g = *next;
            drop_spent_runs(g);
            Entry& e = g.entries[g.cursor];
            WaitCause cause = cause_of(g, g.cursor);
            tried();
            if (hub.fly(e.order, cause)) {
                const uint64_t left = e.seq;
                g.entries.erase(g.entries.begin() + long(g.cursor));
                if (!hub.any_free()) {  // stop at the next order seen before, if there is one
                    stop_ = first_seen_after(left, false);
                    break;
                }
            } else {
                e.cause = cause;
                if (g.types == 0) ++g.cursor;  // no set of types to share the outcome with
                else failed_.push_back({size_t(&g - groups_.data()), cause});
            }
        }
        seen_done_ = true;
        if (stop_ == kAll) {
            // Every order seen before was passed: the new ones come next, tried or not the same way.
            while (!fresh_.empty()) {
                if (stopped()) return false;
                Entry e = fresh_.front();
                fresh_.pop_front();
                uint64_t types = 0;
                if (!hub.admit(e.order, types)) continue;
                const size_t gi = group_index(types);
                const auto same = std::find_if(failed_.begin(), failed_.end(), [&](const auto& f) { return f.first == gi; });
                if (types != 0 && same != failed_.end()) {
                    e.cause = same->second;
                } else if (tried(), hub.fly(e.order, e.cause)) {
                    continue;
                } else if (types != 0) {
                    failed_.push_back({gi, e.cause});
                }
                groups_[gi].entries.push_back(e);
            }
        }
        // Every order of a failed group that the walk passed waited for the group's cause.
        for (const auto& [gi, cause] : failed_) {
            auto& runs = groups_[gi].runs;
            while (!runs.empty() && runs.front().upto <= stop_) runs.pop_front();
            runs.push_front({stop_, cause});
        }
        walking_ = false;
        return true;
    }
    template <class Hub>
    void dispatch(Hub& hub) {
        dispatch(hub, [] { return false; });
    }

    // Whether a walk stopped part way and waits to go on.
    bool walking() const { return walking_; }

    // The waiting orders in arrival order, each with the cause it waits for (None: not yet seen).
    std::vector<std::pair<int, WaitCause>> waiting() const {
        std::vector<std::pair<uint64_t, std::pair<int, WaitCause>>> all;
        for (const Group& g : groups_)
            for (size_t k = 0; k < g.entries.size(); ++k) all.push_back({g.entries[k].seq, {g.entries[k].order, cause_of(g, k)}});
        for (const Entry& e : fresh_) all.push_back({e.seq, {e.order, e.cause}});
        std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<std::pair<int, WaitCause>> out;
        for (const auto& a : all) out.push_back(a.second);
        return out;
    }

private:
    struct Entry {
        uint64_t seq;  // arrival order
        int order;
        WaitCause cause;  // its own, unless a run covers it
    };
    struct Run {  // the entries that arrived before `upto` waited for `cause` (the first run covering an entry wins)
        uint64_t upto;
        WaitCause cause;
    };
    struct Group {  // the orders that the same set of drone types can fly
        uint64_t types = 0;
        std::deque<Entry> entries;  // in arrival order
        std::deque<Run> runs;       // by `upto`, ascending: newer runs cover shorter prefixes
        size_t cursor = 0;          // the next entry this walk tries (only types == 0 gets past its head)
    };

    bool failed(const Group& g) const {
        const size_t gi = size_t(&g - groups_.data());
        return std::any_of(failed_.begin(), failed_.end(), [&](const auto& f) { return f.first == gi; });
    }

    // Runs that cover no waiting order any more (all of theirs have left).
    static void drop_spent_runs(Group& g) {
        while (!g.runs.empty() && !g.entries.empty() && g.runs.front().upto <= g.entries.front().seq) g.runs.pop_front();
    }

    WaitCause cause_of(const Group& g, size_t k) const {
        const Entry& e = g.entries[k];
        for (const Run& r : g.runs)
            if (e.seq < r.upto) return r.cause;
        return e.cause;
    }

    // The first order seen before that arrived at or after `after` (strictly after unless
    // `inclusive`), or kAll when there is none.
    uint64_t first_seen_after(uint64_t after, bool inclusive) const {
        uint64_t first = std::numeric_limits<uint64_t>::max();
        for (const Group& g : groups_) {
            auto it = std::upper_bound(g.entries.begin(), g.entries.end(), after, [&](uint64_t t, const Entry& e) { return inclusive ? t <= e.seq : t < e.seq; });
            if (it != g.entries.end()) first = std::min(first, it->seq);
        }
        return first;
    }

    size_t group_index(uint64_t types) {
        for (size_t i = 0; i < groups_.size(); ++i)
            if (groups_[i].types == types) return i;
        groups_.push_back({});
        groups_.back().types = types;
        return groups_.size() - 1;
    }

    std::vector<Group> groups_;
    std::deque<Entry> fresh_;  // arrived, not yet seen by a walk
    uint64_t next_seq_ = 0;
    // The walk under way: the groups that failed in it (group, cause), where it stops, whether
    // the orders seen before are done.
    static constexpr uint64_t kAll = std::numeric_limits<uint64_t>::max();
    static constexpr unsigned kAdmitsBetweenPauses = 64;
    std::vector<std::pair<size_t, WaitCause>> failed_;
    bool walking_ = false, seen_done_ = true;
    uint64_t stop_ = kAll;
    unsigned steps_ = 0;
};

}  // namespace lowsky
