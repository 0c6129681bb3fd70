#include "store/autosave.h"

namespace lowsky {

const char* to_string(SaveState state) {
    switch (state) {
        case SaveState::Saved: return "saved";
        case SaveState::Waiting: return "waiting";
        case SaveState::Saving: return "saving";
        case SaveState::Failed: return "failed";
    }
    return "saved";
}

void Autosaver::changed(uint64_t revision) {
    if (revision == wanted_) return;
    wanted_ = revision;
    if (state_ == SaveState::Saved) state_ = SaveState::Waiting;
    if (state_ == SaveState::Failed) retry_ = true;
}

std::optional<uint64_t> Autosaver::due(double now_ms) const {
    if (!unsaved() || in_flight_) return std::nullopt;
    if (state_ == SaveState::Failed && !retry_) return std::nullopt;  // tried again at the next change
    // At once after a quiet spell; else when the pause since the last write is over.
    if (now_ms - last_write_ms_ >= pause_ms_) return wanted_;
    return std::nullopt;
}

void Autosaver::started(uint64_t revision, double now_ms) {
    in_flight_ = revision;
    retry_ = false;
    last_write_ms_ = now_ms;
    state_ = SaveState::Saving;
}

void Autosaver::finished(uint64_t revision, const std::optional<Error>& failure) {
    if (in_flight_ != revision) return;
    in_flight_.reset();
    if (failure) {
        failure_ = failure;
        state_ = SaveState::Failed;
        return;
    }
    failure_.reset();
    stored_ = revision;
    state_ = unsaved() ? SaveState::Waiting : SaveState::Saved;
}

std::string Autosaver::status() const {
    switch (state_) {
        case SaveState::Saved: return "saved";
        case SaveState::Waiting:
        case SaveState::Saving: return "saving...";
        case SaveState::Failed: return "not saved: " + (failure_ ? failure_->message : std::string("unknown reason"));
    }
    return "saved";
}

}  // namespace lowsky
