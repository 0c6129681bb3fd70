#pragma once
// When a changed document is written to the store, and what the planner is told. The first
// change after a quiet spell is written at once (a tab closed right after an edit keeps it);
// changes while a write is on its way, or within the pause after it, are gathered into one
// write when the pause is over. A failed write keeps the work in memory, says why, and is
// tried again at the next change.

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"

namespace lowsky {

enum class SaveState { Saved, Waiting, Saving, Failed };

class Autosaver {
public:
    explicit Autosaver(double pause_ms = 800) : pause_ms_(pause_ms) {}

    // The document as it is now is revision `revision` (the editor's); the stored one is
    // `stored` (when a document is opened from the store, both are the same).
    void reset(uint64_t revision) { stored_ = wanted_ = revision, state_ = SaveState::Saved, failure_.reset(); }
    void changed(uint64_t revision);
    // The revision to write now, if any: call every frame, idle or not.
    std::optional<uint64_t> due(double now_ms) const;
    void started(uint64_t revision, double now_ms);
    void finished(uint64_t revision, const std::optional<Error>& failure);

    SaveState state() const { return state_; }
    bool unsaved() const { return stored_ != wanted_; }
    const std::optional<Error>& failure() const { return failure_; }
    std::string status() const;  // "saved", "saving...", "not saved: why"

private:
    double pause_ms_;
    uint64_t stored_ = 0, wanted_ = 0;
    std::optional<uint64_t> in_flight_;
    double last_write_ms_ = -1e300;  // when the last write started
    bool retry_ = false;             // a change came after a failed write
    SaveState state_ = SaveState::Saved;
    std::optional<Error> failure_;
};

const char* to_string(SaveState state);

}  // namespace lowsky
