#pragma once
// The sweep's runs on Web Workers, one per core (up to 8), made for each sweep: each worker is
// given the scenario once, then runs one at a time; a run's answer hands that worker the next. When the browser
// makes no worker, nothing starts and the caller runs the days itself.

#include <string>
#include <vector>

#include "assist/sweep.h"

namespace lowsky::web {

class SweepWorkers {
public:
    // Starts `runs` of `spec` on `scenario_text` (as lowsky saves it). False: no workers here.
    bool start(const std::string& scenario_text, const assist::SweepSpec& spec, const std::vector<assist::SweepRun>& runs);
    void stop();                        // the workers are ended, answers still on their way with them
    bool busy() const { return active_; }
    size_t done() const { return done_; }
    const std::vector<assist::SweepRun>& runs() const { return runs_; }
    const std::string& error() const { return error_; }
    int workers() const { return int(handles_.size()); }

private:
    static void answered(char* data, int size, void* arg);
    void send_next(size_t worker);

    std::vector<int> handles_;          // emscripten worker handles, made for each sweep
    struct Slot { SweepWorkers* owner; size_t worker; unsigned generation; };
    std::vector<Slot> slots_;
    assist::SweepSpec spec_;
    std::vector<assist::SweepRun> runs_;
    size_t next_ = 0, done_ = 0;
    unsigned generation_ = 0;           // a stopped sweep's late answers are told apart by it
    bool active_ = false;
    std::string error_;
};

}  // namespace lowsky::web
