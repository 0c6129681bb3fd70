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
    const assist::SweepRun& r = runs_[next_++];
    std::string text = Json{{"hub", spec_.hub}, {"drone", spec_.drone_type}, {"hours", spec_.hours}, {"tactical", spec_.tactical},
                            {"index", r.index}, {"fleet", r.fleet}, {"demand", r.demand}, {"seed", r.seed}}.dump();
    slots_[worker].generation = generation_;
    emscripten_call_worker(handles_[worker], "sweep_run", text.data(), int(text.size()), &SweepWorkers::answered, &slots_[worker]);
}

void SweepWorkers::answered(char* data, int size, void* arg) {
    Slot* slot = static_cast<Slot*>(arg);
    SweepWorkers& self = *slot->owner;
    if (!self.active_ || slot->generation != self.generation_) return;  // a stopped sweep's
    auto answer = parse_json_text(std::string_view(data, size_t(size)), "sweep worker");
    const long long index = answer && answer->is_object() ? answer->value("index", -1LL) : -1;
    if (!answer || index < 0 || size_t(index) >= self.runs_.size() || answer->contains("error")) {
        self.error_ = answer && answer->is_object() ? answer->value("error", std::string("an answer the page cannot read")) : "an answer the page cannot read";
        self.active_ = false;
        return;
    }
    assist::SweepRun& r = self.runs_[size_t(index)];
    r.on_time_share = answer->value("on_time_share", 0.0);
    r.orders = answer->value("orders", 0);
    r.delivered = answer->value("delivered", 0);
    if (++self.done_ == self.runs_.size()) self.active_ = false;
    else self.send_next(slot->worker);
}

}  // namespace lowsky::web
