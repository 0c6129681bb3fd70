#include "edit/live_checks.h"

namespace lowsky {

void LiveChecks::rebuild(const Editor& editor) {
    compiled_ = std::make_unique<CompiledScenario>(editor.scenario());
    report_ = validate(*compiled_);
    partial_ = false;
}

void LiveChecks::update(const Editor& editor) {
    std::vector<size_t> corridors;
    for (const Touched& t : editor.last_touched()) {
        if (t.kind != ObjectKind::Corridor || !t.in_place || &compiled_->scenario() != &editor.scenario()) return rebuild(editor);
        corridors.push_back(t.index);
    }
    if (corridors.empty() && !editor.last_touched().empty()) return rebuild(editor);
    for (size_t i : corridors) compiled_->recompile_corridor(i);
    report_ = revalidate_corridors(*compiled_, report_, corridors);
    partial_ = true;
}

}  // namespace lowsky
