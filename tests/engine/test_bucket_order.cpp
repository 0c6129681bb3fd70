// BucketOrder, the scan's stable counting sort a step at a time, against std::stable_sort of the
// same items, whether they come in one array or in blocks (empty ones too), whatever the step.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <utility>
#include <vector>

#include "sim/bucket_order.h"

using namespace lowsky;

TEST_CASE("Items ordered by bucket a step at a time, from one array or from blocks, as a stable sort orders them", "[sim][slices]") {
    using Item = std::pair<uint32_t, uint32_t>;  // bucket, arrival
    for (uint32_t seed = 1; seed <= 30; ++seed) {
        std::mt19937 rng(seed);
        const size_t buckets = 1 + rng() % 50, count = rng() % 3000;
        std::vector<Item> all;
        for (uint32_t i = 0; i < count; ++i) all.push_back({uint32_t(rng() % buckets), i});
        std::vector<Item> expected = all;
        std::stable_sort(expected.begin(), expected.end(), [](const Item& a, const Item& b) { return a.first < b.first; });
        std::vector<uint32_t> expected_first(buckets + 1, 0);  // where each bucket begins: the items in buckets below it
        for (size_t b = 0; b <= buckets; ++b)
            expected_first[b] = uint32_t(std::count_if(all.begin(), all.end(), [&](const Item& it) { return it.first < b; }));
        // In blocks of random sizes, some empty.
        std::vector<std::vector<Item>> blocks;
        for (size_t at = 0; at < all.size() || blocks.empty();) {
            const size_t n = std::min(all.size() - at, size_t(rng() % 400));
            blocks.emplace_back(all.begin() + long(at), all.begin() + long(at + n));
            at += n;
        }
        const size_t step = std::vector<size_t>{1, 3, 64, 100000}[seed % 4];
        for (const bool in_blocks : {false, true}) {
            INFO("seed " << seed << (in_blocks ? ", in " + std::to_string(blocks.size()) + " blocks" : ", one array") << ", step " << step);
            BucketOrder<Item> order;
            if (in_blocks) order.start(blocks, buckets);
            else order.start(all, buckets);
            size_t steps = 0;
            while (!order.advance([](const Item& it) { return size_t(it.first); }, step)) ++steps;
            CHECK(order.items() == expected);
            CHECK(order.first() == expected_first);
            // Counted, room made, placed: each in steps of `step` items at most.
            if (step == 1 && count > 0) CHECK(steps >= 2 * count);
        }
    }
}
