#pragma once
// What the Draft tool works on: the two ends clicked, the engine's draft between them with its
// findings and flight, or why there is none. The engine drafts; Accept sends the draft to the
// editor as an ordinary, undoable paste of a corridor.

#include <optional>
#include <string>

#include "assist/corridor_draft.h"
#include "assist/draft_check.h"

namespace lowsky::web {

struct DraftWorkbench {
    std::string from, to;                    // empty: no draft asked for
    bool allow_approvals = true;             // through controlled airspace, under approvals named in the draft
    std::optional<assist::CorridorDraft> draft;
    std::optional<assist::DraftCheck> check;
    std::string error;                       // why there is no draft
    double search_ms = 0;                    // how long the engine took
};

enum class DraftPanelAction { None, Accept, Discard, Redraft };

}  // namespace lowsky::web
