#pragma once
// Every import and export, on files of the size planners make them (scripts/bench).

namespace lowsky::bench {

void bench_files();

// The large files of the issue that made the way in bounded: a scenario of over 50 MB, a
// 60,000-item .plan, and the validation of 1,000 corridors laid over each other.
void bench_large_files();

}  // namespace lowsky::bench
