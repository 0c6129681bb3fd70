#pragma once
// Planning assist benchmarks (bench/assist_bench.cpp): corridor drafts, reachability.
namespace lowsky::bench {
void run_draft_bench();
void run_reach_bench();
}
