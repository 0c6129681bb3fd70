#pragma once
// Planning assist benchmarks (bench/assist_bench.cpp): corridor drafts.
namespace lowsky::bench {
void run_draft_bench();
}
