#pragma once
// Every import and export, on files of the size planners make them (scripts/bench).

namespace lowsky::bench {

void bench_files();

}  // namespace lowsky::bench
