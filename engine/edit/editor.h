#pragma once
// The scenario document under edit, with its history. Every command is applied whole or not
// at all: each object it changes is rewritten through the document's own reader, so a bad value
// is refused with the same message and path a file with it would get, and the references
// between objects are checked before the edit is kept. Undo puts back the very objects that
// were there, so the saved document is byte-identical to what it was.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "edit/command.h"
#include "scenario/scenario.h"

namespace lowsky {

// What an apply, undo or redo changed: each object's kind and place, and whether it was changed
// where it was (rather than added or removed).
struct Touched {
    ObjectKind kind;
    size_t index;
    bool in_place;
};

struct EditOutcome {
    std::vector<ObjectRef> created;  // what Add, Duplicate and Paste made, for the selection
};

class Editor {
public:
    explicit Editor(Scenario scenario);

    const Scenario& scenario() const { return scenario_; }
    uint64_t revision() const { return revision_; }  // changes whenever the document does

    // `merge`: fold into the previous edit when it was the same command on the same target,
    // so that a drag is one step to undo.
    Result<EditOutcome> apply(const EditCommand& command, bool merge = false);
    // Several commands as one step to undo, named `name`: all of them, or (the first refused
    // says why) none.
    Result<EditOutcome> apply_all(const std::vector<EditCommand>& commands, const std::string& name);
    bool undo();
    bool redo();
    std::string undo_name() const;  // "" when there is nothing to undo
    std::string redo_name() const;
    size_t undo_depth() const { return done_.size(); }

    const std::vector<Touched>& last_touched() const { return touched_; }

    // A new document: the history goes with the old one.
    void reset(Scenario scenario);

    // An id of the kind not yet used: base, base-2, base-3...
    std::string unique_id(ObjectKind kind, const std::string& base) const;

private:
    struct Change {
        ObjectKind kind;
        size_t index;
        std::optional<ScenarioObject> before, after;  // neither: the explanations changed
        std::vector<Explanation> explanations_before, explanations_after;
    };
    struct Edit {
        std::string name;
        std::string merge_key;
        std::vector<Change> changes;
    };
    void forward(const Change& c);
    void backward(const Change& c);
    void touched(const std::vector<Change>& changes);

    Scenario scenario_;
    std::vector<Edit> done_, undone_;
    uint64_t revision_ = 0;
    std::vector<Touched> touched_;
    friend class EditSession;
};

}  // namespace lowsky
