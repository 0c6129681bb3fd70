#pragma once
// The findings of the document under edit, kept current edit by edit: when an edit changed
// only corridors where they were (a drag, a width typed in), just those corridors are compiled
// and checked again, with the network checks; any other edit compiles and checks it all.
// The findings are the same either way (tests/engine/test_edit.cpp holds them to it).

#include <memory>
#include <vector>

#include "edit/editor.h"
#include "scenario/compiled_scenario.h"
#include "validation/validate.h"

namespace lowsky {

class LiveChecks {
public:
    explicit LiveChecks(const Editor& editor) { rebuild(editor); }

    // After every apply, undo or redo of `editor` (the one given at construction).
    void update(const Editor& editor);
    void rebuild(const Editor& editor);

    const CompiledScenario& compiled() const { return *compiled_; }
    const ValidationReport& report() const { return report_; }
    bool last_was_partial() const { return partial_; }

private:
    std::unique_ptr<CompiledScenario> compiled_;
    ValidationReport report_;
    bool partial_ = false;
};

}  // namespace lowsky
