// The hub's order queue against the plain walk it replaces: one pass over every waiting order
// in arrival order. Both drive identical made-up hubs through random days; they must make the
// same calls in the same order and leave the same orders waiting for the same causes.
#include <catch2/catch.hpp>

#include <random>
#include <sstream>
#include <string>

#include "sim/order_queue.h"

using namespace lowsky;

namespace {

// A made-up hub with three drone types. What it answers depends only on its own state, and it
// writes down every call, so two queues that drive two copies of it can be compared call by call.
struct FakeHub {
    int free[3] = {0, 0, 0};
    bool charging[3] = {false, false, false};
    std::vector<uint64_t> types_of;  // per order; 0: try it always
    std::vector<bool> never;         // per order: can never be served
    std::mt19937 rng{5};
    std::ostringstream log;

    bool any_free() const { return free[0] + free[1] + free[2] > 0; }
    bool admit(int order, uint64_t& types) {
        log << "admit " << order << (never[size_t(order)] ? " dropped" : "") << "\n";
        if (never[size_t(order)]) return false;
        types = types_of[size_t(order)];
        return true;
    }
    bool fly(int order, WaitCause& cause) {
        const uint64_t types = types_of[size_t(order)] == 0 ? 7 : types_of[size_t(order)];
        log << "fly " << order << " waited " << int(cause);
        for (int t = 0; t < 3; ++t) {
            if (!(types & (uint64_t(1) << t)) || free[t] == 0) continue;
            const bool gives_up = rng() % 10 == 0;  // a flight that cannot be planned: the drone stays
            if (!gives_up) --free[t];
            log << (gives_up ? " gave up\n" : " flew\n");
            return true;
        }
        bool battery = false;
        for (int t = 0; t < 3; ++t) battery = battery || ((types & (uint64_t(1) << t)) && charging[t]);
        cause = battery ? WaitCause::Battery : WaitCause::Drone;
        log << " waits " << int(cause) << "\n";
        return false;
    }
};

// The plain walk: every order, every time, in arrival order.
struct PlainQueue {
    struct Waiting {
        int order;
        bool seen = false;
        WaitCause cause = WaitCause::None;
        uint64_t types = 0;
    };
    std::vector<Waiting> queue;

    void arrive(int order) { queue.push_back({order}); }

    void dispatch(FakeHub& hub) {
        bool any_free = hub.any_free();
        std::vector<std::pair<uint64_t, WaitCause>> failed;
        for (size_t q = 0; q < queue.size() && (any_free || !queue[q].seen);) {
            Waiting& w = queue[q];
            if (!w.seen && !hub.admit(w.order, w.types)) {
                queue.erase(queue.begin() + long(q));
                continue;
            }
            const auto same = std::find_if(failed.begin(), failed.end(), [&](const auto& f) { return f.first == w.types; });
            if (w.types != 0 && same != failed.end()) {
                w.seen = true;
                w.cause = same->second;
                ++q;
                continue;
            }
            if (hub.fly(w.order, w.cause)) {
                queue.erase(queue.begin() + long(q));
                any_free = hub.any_free();
                continue;
            }
            w.seen = true;
            if (w.types != 0) failed.push_back({w.types, w.cause});
            ++q;
        }
    }

    std::vector<std::pair<int, WaitCause>> waiting() const {
        std::vector<std::pair<int, WaitCause>> out;
        for (const auto& w : queue) out.push_back({w.order, w.cause});
        return out;
    }
};

}  // namespace

TEST_CASE("The order queue walks a hub exactly as one pass over every waiting order would", "[sim][dispatch]") {
    for (uint32_t seed = 1; seed <= 40; ++seed) {
        std::mt19937 rng(seed);
        FakeHub a, b;
        OrderQueue grouped;
        PlainQueue plain;
        int orders = 0, dispatches_with_waiting = 0;
        for (int step = 0; step < 600; ++step) {
            const uint32_t what = rng() % 10;
            if (what < 5) {  // an order arrives
                const uint64_t types = rng() % 12 == 0 ? 0 : 1 + rng() % 7;
                const bool never = rng() % 20 == 0;
                for (FakeHub* h : {&a, &b}) {
                    h->types_of.push_back(types);
                    h->never.push_back(never);
                }
                grouped.arrive(orders);
                plain.arrive(orders);
                ++orders;
            } else if (what < 8) {  // a drone comes back, maybe still charging its batteries
                const int type = int(rng() % 3);
                const bool charging = rng() % 2 == 0;
                for (FakeHub* h : {&a, &b}) {
                    ++h->free[type];
                    h->charging[type] = charging;
                }
            } else {  // a drone of a busy hub goes elsewhere: fewer free ones, the walk stops early
                const int type = int(rng() % 3);
                for (FakeHub* h : {&a, &b}) h->free[type] = std::max(0, h->free[type] - 1);
            }
            grouped.dispatch(a);
            plain.dispatch(b);
            INFO("seed " << seed << ", step " << step);
            REQUIRE(a.log.str() == b.log.str());
            REQUIRE(grouped.waiting() == plain.waiting());
            REQUIRE(grouped.size() == plain.queue.size());
            if (!plain.queue.empty()) ++dispatches_with_waiting;
        }
        CHECK(dispatches_with_waiting > 100);  // the queues were long enough to mean something
    }
}

TEST_CASE("A walk stopped part way and taken up again ends exactly as the walk in one go", "[sim][dispatch][slices]") {
    size_t pauses = 0;
    for (uint32_t seed = 1; seed <= 40; ++seed) {
        std::mt19937 rng(seed);
        FakeHub a, b;
        OrderQueue paused;
        PlainQueue plain;
        int orders = 0;
        for (int step = 0; step < 600; ++step) {
            const uint32_t what = rng() % 10;
            if (what < 6) {  // more arrivals than drones: long queues, long walks
                const uint64_t types = rng() % 12 == 0 ? 0 : 1 + rng() % 7;
                const bool never = rng() % 20 == 0;
                for (FakeHub* h : {&a, &b}) {
                    h->types_of.push_back(types);
                    h->never.push_back(never);
                }
                paused.arrive(orders);
                plain.arrive(orders);
                ++orders;
            } else if (what < 8) {
                const int type = int(rng() % 3);
                const bool charging = rng() % 2 == 0;
                const int back = 1 + int(rng() % 3);
                for (FakeHub* h : {&a, &b}) {
                    h->free[type] += back;
                    h->charging[type] = charging;
                }
            } else {
                for (FakeHub* h : {&a, &b}) h->free[0] = h->free[1] = h->free[2] = 0;  // every drone away: orders pile up unseen
            }
            // Stopped at every chance (every 64 orders the walk passes), and taken up again.
            while (!paused.dispatch(a, [] { return true; })) {
                CHECK(paused.walking());
                ++pauses;
            }
            CHECK_FALSE(paused.walking());
            plain.dispatch(b);
            INFO("seed " << seed << ", step " << step);
            REQUIRE(a.log.str() == b.log.str());
            REQUIRE(paused.waiting() == plain.waiting());
        }
    }
    CHECK(pauses > 200);  // the walks were long enough to be stopped, many times
}
