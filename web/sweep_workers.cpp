#include "sweep_workers.h"

#include <emscripten.h>

#include <algorithm>

#include "core/json_read.h"

namespace lowsky::web {

namespace {

EM_JS(int, browser_cores, (), { return (typeof navigator !== 'undefined' && navigator.hardwareConcurrency) ? navigator.hardwareConcurrency : 1; });
EM_JS(int, browser_has_workers, (), { return typeof Worker !== 'undefined' ? 1 : 0; });

int cores() { return browser_cores(); }

}  // namespace

bool SweepWorkers::start(const std::string& scenario_text, const assist::SweepSpec& spec, const std::vector<assist::SweepRun>& runs) {
    stop();
    if (handles_.empty() && browser_has_workers()) {
        const int n = std::clamp(cores(), 1, 8);
        for (int k = 0; k < n; ++k) handles_.push_back(emscripten_create_worker("lowsky_sweep_worker.js"));  // handles count from 0
        slots_.resize(handles_.size());
    }
    if (handles_.empty()) return false;
    ++generation_;
    spec_ = spec;
    runs_ = runs;
    next_ = done_ = 0;
    error_.clear();
    active_ = true;
    for (size_t k = 0; k < handles_.size(); ++k) {
        slots_[k] = {this, k, generation_};
        std::string text = scenario_text;
        emscripten_call_worker(handles_[k], "sweep_load", text.data(), int(text.size()), nullptr, nullptr);
        send_next(k);
    }
    return true;
}

// The workers go with their queues: a late answer of a stopped sweep can never be taken for
// one of the next sweep's (each sweep starts on new workers).
void SweepWorkers::stop() {
    active_ = false;
    ++generation_;
    for (int h : handles_) emscripten_destroy_worker(h);
    handles_.clear();
    slots_.clear();
}

void SweepWorkers::send_next(size_t worker) {
    if (next_ >= runs_.size()) return;
    Json message = assist::run_to_json(runs_[next_++]);
    message.update({{"hub", spec_.hub}, {"drone", spec_.drone_type}, {"hours", spec_.hours}, {"tactical", spec_.tactical}});
    std::string text = message.dump();
    slots_[worker].generation = generation_;
    emscripten_call_worker(handles_[worker], "sweep_run", text.data(), int(text.size()), &SweepWorkers::answered, &slots_[worker]);
}

void SweepWorkers::answered(char* data, int size, void* arg) {
    Slot* slot = static_cast<Slot*>(arg);
    SweepWorkers& self = *slot->owner;
    if (!self.active_ || slot->generation != self.generation_) return;  // a stopped sweep's
    // The worker's own word when it could not run it; else the run with its answer.
    auto answer = parse_json_text(std::string_view(data, size_t(size)), "the sweep worker's answer");
    const Json* said = answer && answer->is_object() && answer->contains("error") ? &answer.value()["error"] : nullptr;
    auto run = !answer ? Result<assist::SweepRun>(answer.error())
               : said  ? Result<assist::SweepRun>(make_error(said->is_string() ? said->get<std::string>() : said->dump()))
                       : assist::run_from_json(answer.value(), "the sweep worker's answer");
    if (run && run->index >= self.runs_.size()) run = make_error("an answer for no run of this sweep");
    if (!run) {
        self.error_ = run.error().to_string();
        self.active_ = false;
        return;
    }
    self.runs_[run->index] = run.value();
    if (++self.done_ == self.runs_.size()) self.active_ = false;
    else self.send_next(slot->worker);
}

}  // namespace lowsky::web
