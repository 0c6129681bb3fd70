#pragma once
// Where the side panels are. The screen layout places each one (a column down each side)
// until the planner drags, resizes or collapses it; from then on it stays as they left it, and
// the "layout" setting keeps it across reloads. A phone's drawer lays out by itself.
#include <imgui.h>

#include <array>
#include <map>
#include <string>
#include <string_view>

namespace lowsky::web {

struct PanelPlace {
    bool moved = false;  // position and size are the planner's, not the layout's
    float x = 0, y = 0, width = 0, height = 0;
    bool collapsed = false;
};

struct PanelLayout {
    std::map<std::string, PanelPlace> panels;  // by the window's id (what follows ### in its name)
    bool movable = true;                       // false while the drawer lays out
    bool changed = false;                      // since the last save
    std::map<std::string, std::array<float, 4>> shown;  // this frame's panels: x, y, width, height (for the tests)

    // One line per panel: "id moved x y width height collapsed" (unknown lines are skipped).
    std::string to_text() const;
    static PanelLayout from_text(std::string_view text);
};

// The layout the side panels of this frame follow (null: every panel where the layout puts it).
void use_panel_layout(PanelLayout* layout);

// Begins side panel `name` ("Title###id") at the layout's `pos` (with `pivot`) and `size` (0 on
// an axis: fit the contents), or where the planner put it; the flags are the panel's own, made
// movable and resizable when the layout allows.
bool begin_side_panel(const char* name, ImVec2 pos, ImVec2 size, ImGuiWindowFlags flags, ImVec2 pivot = ImVec2(0, 0));

}  // namespace lowsky::web
