// lowsky sweep FILE --fleet HUB:TYPE=A..B/S [--demand A..B/S] [--wind A..B/S] [--seeds N]
//                   [--target on-time=SHARE] [--jobs N] [--hours H] [--tactical] [--json]
//                   [--slice K/N] [--merge PART...]
// The day simulated over fleet sizes, demand scales, wind strengths and seeds
// (engine/assist/sweep.h): the smallest fleet that meets the on-time target at each demand and
// wind, with the 95 % interval of its mean over the seeds, and a chart of on-time share
// against fleet size. --slice runs one share of the runs and prints them as JSON lines, for a
// cluster's array jobs; --merge reads such parts back and summarises them (docs/assist.md).
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "assist/sweep.h"
#include "cli_common.h"
#include "commands.h"
#include "core/file_io.h"
#include "core/numbers.h"

namespace lowsky::cli {

namespace {

const char* kUsage =
    "usage: lowsky sweep FILE --fleet HUB:TYPE=A..B/S [--demand A..B/S] [--wind A..B/S] [--seeds N]\n"
    "                   [--target on-time=SHARE] [--jobs N] [--hours H] [--tactical] [--json]\n"
    "                   [--slice K/N] [--merge PART...]\n"
    "       --wind scales the scenario's wind speeds (0: still air; 1: as it is)";

// The runs of --slice parts: one JSON object per line, each checked against the sweep's own list.
bool read_parts(const std::vector<std::string>& files, std::vector<assist::SweepRun>& runs, std::vector<char>& seen) {
    for (const std::string& file : files) {
        auto bytes = read_file_bytes(file);
        if (!bytes) {
            std::fprintf(stderr, "lowsky sweep: %s\n", bytes.error().to_string().c_str());
            return false;
        }
        const std::string text(bytes.value().begin(), bytes.value().end());
        size_t start = 0, line = 0;
        while (start < text.size()) {
            size_t end = text.find('\n', start);
            if (end == std::string::npos) end = text.size();
            const std::string row = text.substr(start, end - start);
            start = end + 1;
            ++line;
            if (row.find_first_not_of(" \t\r") == std::string::npos) continue;
            const std::string where = file + ":" + std::to_string(line);
            auto parsed = parse_json_text(row, where);
            auto run = parsed ? assist::run_from_json(parsed.value(), where) : Result<assist::SweepRun>(parsed.error());
            if (!run) {
                std::fprintf(stderr, "lowsky sweep: %s: not a run of this sweep: %s\n", where.c_str(), run.error().to_string().c_str());
                return false;
            }
            const size_t k = run->index;
            if (k >= runs.size() || run->fleet != runs[k].fleet || run->seed != runs[k].seed || run->demand != runs[k].demand ||
                run->wind != runs[k].wind) {
                std::fprintf(stderr, "lowsky sweep: %s: run %zu is not this sweep's (other options?)\n", where.c_str(), k);
                return false;
            }
            runs[k] = run.value();
            seen[k] = 1;
        }
    }
    return true;
}

}  // namespace

int run_sweep(int argc, char** argv) {
    std::string error;
    auto args = parse_args(argc, argv, 2, {"--fleet", "--demand", "--wind", "--seeds", "--target", "--jobs", "--hours", "--slice"},
                           {"--json", "--tactical", "--merge"}, error);
    if (!args || args->positional.empty() || !args->option("--fleet") || (args->positional.size() > 1 && !args->flag("--merge"))) {
        std::fprintf(stderr, "lowsky sweep: %s\n%s\n", args ? "a scenario file and --fleet are needed" : error.c_str(), kUsage);
        return kUnreadable;
    }
    long long seeds = 1, jobs = std::max(1u, std::thread::hardware_concurrency());
    if (!integer_option(*args, "sweep", "--seeds", 1, 100000, seeds) || !integer_option(*args, "sweep", "--jobs", 1, 1024, jobs)) return kUnreadable;
    auto parsed_spec = assist::parse_sweep_spec(*args->option("--fleet"), args->option("--demand").value_or("1"), int(seeds),
                                         args->option("--target").value_or("on-time=0.95"), args->option("--wind").value_or("1"));
    if (!parsed_spec) {
        std::fprintf(stderr, "lowsky sweep: --%s\n", parsed_spec.error().to_string().c_str());
        return kUnreadable;
    }
    assist::SweepSpec* spec = &parsed_spec.value();
    spec->tactical = args->flag("--tactical");
    if (!number_option(*args, "sweep", "--hours", 0.1, 48, spec->hours)) return kUnreadable;
    std::vector<assist::SweepRun> runs = assist::sweep_runs(*spec);
    const bool json = args->flag("--json");
    std::vector<Error> warnings;
    auto scenario = load_scenario_file(args->positional[0], json, warnings);
    if (!scenario) return kUnreadable;

    if (args->flag("--merge")) {
        std::vector<char> seen(runs.size(), 0);
        if (!read_parts({args->positional.begin() + 1, args->positional.end()}, runs, seen)) return kUnreadable;
        size_t missing = 0;
        for (char c : seen) missing += !c;
        if (missing) {
            std::fprintf(stderr, "lowsky sweep: the parts hold %zu of the %zu runs: %zu missing\n", runs.size() - missing, runs.size(), missing);
            return kFindings;
        }
    } else if (auto slice = args->option("--slice")) {
        const size_t slash = slice->find('/');
        const auto k = parse_decimal(slice->substr(0, slash)), n = slash == std::string::npos ? std::nullopt : parse_decimal(slice->substr(slash + 1));
        if (!k || !n || *n < 1 || *k < 0 || *k >= *n || std::floor(*k) != *k || std::floor(*n) != *n) {
            std::fprintf(stderr, "lowsky sweep: --slice takes K/N, 0 <= K < N\n");
            return kUnreadable;
        }
        std::vector<assist::SweepRun> mine;
        for (const auto& r : runs) if (r.index % size_t(*n) == size_t(*k)) mine.push_back(r);
        auto done = assist::run_sweep(*scenario, *spec, mine, int(jobs));
        if (!done) {
            std::fprintf(stderr, "lowsky sweep: %s\n", done.error().to_string().c_str());
            return kUnreadable;
        }
        for (const auto& r : done.value()) std::printf("%s\n", assist::run_to_json(r).dump().c_str());
        return kOk;
    } else {
        auto done = assist::run_sweep(*scenario, *spec, runs, int(jobs), [&](size_t k, size_t n) {
            if (!json && (k == n || k % 10 == 0)) std::fprintf(stderr, "\r%zu of %zu runs", k, n);
        });
        if (!json) std::fprintf(stderr, "\n");
        if (!done) {
            std::fprintf(stderr, "lowsky sweep: %s\n", done.error().to_string().c_str());
            return kUnreadable;
        }
        runs = std::move(done.value());
    }
    const assist::SweepSummary summary = assist::summarise(*spec, runs);
    if (json) {
        Json out{{"hub", spec->hub}, {"drone_type", spec->drone_type}, {"target_on_time", spec->target_on_time}, {"seeds", spec->seeds}, {"runs", runs.size()}};
        out.update(assist::summary_to_json(summary));
        std::printf("%s\n", out.dump(2, ' ', false, Json::error_handler_t::replace).c_str());
        return kOk;
    }
    std::printf("%s at %s, on-time target %.0f %%, %d seeds, %zu runs\n", spec->drone_type.c_str(), spec->hub.c_str(), spec->target_on_time * 100,
                spec->seeds, runs.size());
    // The wind is named only when it is swept or scaled.
    const bool winds = spec->wind.values().size() > 1 || spec->wind.from != 1;
    auto where = [&](double demand, double wind) {
        char text[64];
        if (winds) std::snprintf(text, sizeof text, "demand x%g, wind x%g", demand, wind);
        else std::snprintf(text, sizeof text, "demand x%g", demand);
        return std::string(text);
    };
    for (const auto& a : summary.answers) {
        const std::string at = where(a.demand, a.wind);
        if (!a.smallest_fleet) {
            std::printf("  %-22s no fleet in the sweep meets the target\n", at.c_str());
            continue;
        }
        std::printf("  %-22s smallest fleet %d (%.0f %% of its seeds meet the target on their own", at.c_str(), *a.smallest_fleet, a.share_of_seeds * 100);
        if (spec->seeds > 1) {
            std::printf("; its mean +/- %.1f %% at 95 %%", a.interval * 100);
            if (a.sure_fleet) std::printf("; %d to be 95 %% sure", *a.sure_fleet);
            else std::printf("; none in the sweep is 95 %% sure");
        }
        std::printf(")\n");
    }
    // The chart: on-time share (the mean over seeds) against fleet size, a row per demand and wind.
    std::printf("\nmean on-time share by fleet size (# = 10 %%; | marks the target)\n");
    for (double d : spec->demand.values())
        for (double w : spec->wind.values()) {
            std::printf("  %s\n", where(d, w).c_str());
            for (const auto& c : summary.cells) {
                if (c.demand != d || c.wind != w) continue;
                std::string bar(size_t(std::lround(c.mean_on_time * 10)), '#');
                bar.resize(10, ' ');
                bar.insert(size_t(std::lround(spec->target_on_time * 10)), "|");
                std::printf("    %5d %s %5.1f %% +/- %.1f (lowest %.1f %%)\n", c.fleet, bar.c_str(), c.mean_on_time * 100, c.interval * 100,
                            c.lowest_on_time * 100);
            }
        }
    return kOk;
}

}  // namespace lowsky::cli
