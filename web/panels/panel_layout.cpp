#include "panel_layout.h"

#include <imgui_internal.h>  // which window is being moved or resized: no public API says

#include <cstdio>
#include <cstring>
#include <sstream>

namespace lowsky::web {

namespace {

PanelLayout* g_layout = nullptr;

std::string id_of(const char* name) {
    const char* hashes = std::strstr(name, "###");
    return hashes ? std::string(hashes + 3) : std::string(name);
}

bool being_resized(ImGuiWindow* w) {
    const ImGuiID active = ImGui::GetActiveID();
    if (active == 0) return false;
    for (int n = 0; n < 2; ++n) if (active == ImGui::GetWindowResizeCornerID(w, n)) return true;
    for (int d = 0; d < 4; ++d) if (active == ImGui::GetWindowResizeBorderID(w, ImGuiDir(d))) return true;
    return false;
}

}  // namespace

std::string PanelLayout::to_text() const {
    std::string out;
    char line[160];
    for (const auto& [id, p] : panels) {
        std::snprintf(line, sizeof line, "%s %d %.0f %.0f %.0f %.0f %d\n", id.c_str(), p.moved ? 1 : 0, p.x, p.y, p.width, p.height, p.collapsed ? 1 : 0);
        out += line;
    }
    return out;
}

PanelLayout PanelLayout::from_text(std::string_view text) {
    PanelLayout layout;
    std::istringstream in{std::string(text)};
    std::string line;
    while (std::getline(in, line)) {
        char id[64] = {};
        int moved = 0, collapsed = 0;
        PanelPlace p;
        if (std::sscanf(line.c_str(), "%63s %d %f %f %f %f %d", id, &moved, &p.x, &p.y, &p.width, &p.height, &collapsed) != 7) continue;
        if (!(p.width >= 0 && p.height >= 0 && p.width < 1e5f && p.height < 1e5f && p.x > -1e5f && p.x < 1e5f && p.y > -1e5f && p.y < 1e5f)) continue;
        p.moved = moved == 1;
        p.collapsed = collapsed == 1;
        layout.panels[id] = p;
    }
    return layout;
}

void use_panel_layout(PanelLayout* layout) { g_layout = layout; }

bool begin_side_panel(const char* name, ImVec2 pos, ImVec2 size, ImGuiWindowFlags flags, ImVec2 pivot) {
    const std::string id = id_of(name);
    auto note_shown = [&] {
        const ImVec2 at = ImGui::GetWindowPos(), extent = ImGui::GetWindowSize();
        if (g_layout) g_layout->shown[id] = {at.x, at.y, extent.x, extent.y};
    };
    PanelLayout* layout = g_layout && g_layout->movable ? g_layout : nullptr;
    if (!layout) {
        ImGui::SetNextWindowPos(pos, ImGuiCond_Always, pivot);
        ImGui::SetNextWindowSize(size, ImGuiCond_Always);
        const bool shown = ImGui::Begin(name, nullptr, flags);
        note_shown();
        return shown;
    }
    PanelPlace& place = layout->panels[id];
    ImGuiWindow* window = ImGui::FindWindowByName(name);
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const bool moving = window && g.MovingWindow && g.MovingWindow->RootWindow == window;
    const bool resizing = window && being_resized(window);
    if (!moving) {
        // Kept on screen whatever size the browser window has become.
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        const ImVec2 at = place.moved ? ImVec2(ImClamp(place.x, vp->Pos.x - place.width + 60, vp->Pos.x + vp->Size.x - 60),
                                               ImClamp(place.y, vp->Pos.y, vp->Pos.y + vp->Size.y - 40))
                                      : pos;
        ImGui::SetNextWindowPos(at, ImGuiCond_Always, place.moved ? ImVec2(0, 0) : pivot);
    }
    if (!resizing) ImGui::SetNextWindowSize(place.moved ? ImVec2(place.width, place.height) : size, ImGuiCond_Always);
    ImGui::SetNextWindowCollapsed(place.collapsed, ImGuiCond_Always);
    const bool shown = ImGui::Begin(name, nullptr, flags & ~(ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse));
    const bool collapsed = ImGui::IsWindowCollapsed();
    ImGuiWindow* current = ImGui::GetCurrentWindow();
    if (moving || resizing) {
        place.moved = true;
        place.x = current->Pos.x, place.y = current->Pos.y;
        place.width = current->SizeFull.x, place.height = current->SizeFull.y;
        layout->changed = true;
    }
    if (collapsed != place.collapsed) place.collapsed = collapsed, layout->changed = true;
    note_shown();
    return shown;
}

}  // namespace lowsky::web
