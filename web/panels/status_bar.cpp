#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "geo/scale_bar.h"
#include "panels.h"

namespace lowsky::web {

namespace {
// "GSHHG (LGPL-3+), GeoNames (CC-BY 4.0), patches: lowsky" without what is in brackets.
std::string short_attribution(const std::string& full) {
    std::string out;
    int depth = 0;
    for (char c : full) {
        if (c == '(') {
            if (depth++ == 0 && !out.empty() && out.back() == ' ') out.pop_back();
        } else if (c == ')') {
            depth = std::max(0, depth - 1);
        } else if (depth == 0) {
            out += c;
        }
    }
    return out;
}

// 22.54321° N 113.88288° E
std::string format_position(GeoPoint p) {
    char text[64];
    std::snprintf(text, sizeof text, "%.5f\xC2\xB0 %c  %.5f\xC2\xB0 %c", std::abs(p.lat_deg), p.lat_deg >= 0 ? 'N' : 'S',
                  std::abs(p.lon_deg), p.lon_deg >= 0 ? 'E' : 'W');
    return text;
}

}  // namespace

bool draw_status_bar(const MapCamera& camera, std::optional<GeoPoint> cursor, const std::string& attribution, const SaveBadge& save, float s,
                     std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    bool download = false;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float height = ImGui::GetFrameHeight() + 8 * s;
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, vp->Pos.y + vp->Size.y - height));
    ImGui::SetNextWindowSize(ImVec2(vp->Size.x, height));
    ImGui::SetNextWindowBgAlpha(0.88f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10 * s, 4 * s));
    if (ImGui::Begin("##status_bar", nullptr, flags)) {
        ImGui::AlignTextToFramePadding();
        // The position and the zoom when there is room for them beside the save state, the
        // scale and the attribution (a phone, a small window: not).
        const std::string where = cursor ? format_position(*cursor) : std::string(tr("move the pointer over the map"));
        char zoom[32];
        std::snprintf(zoom, sizeof zoom, tr("zoom %.1f"), camera.zoom());
        const float needed = ImGui::CalcTextSize(where.c_str()).x + ImGui::CalcTextSize(zoom).x + ImGui::CalcTextSize(save.text.c_str()).x +
                             ImGui::CalcTextSize(attribution.c_str()).x + 290 * s;  // gaps, the scale bar and its label
        const bool narrow = vp->Size.x < 700 * s || needed > vp->Size.x;
        if (!narrow) {
            ImGui::TextUnformatted(where.c_str());
            ImGui::SameLine(0, 24 * s);
            ImGui::TextDisabled("%s", zoom);
        }
        if (!save.text.empty()) {
            if (!narrow) ImGui::SameLine(0, 24 * s);
            if (save.failed) {
                ImGui::TextColored(ImVec4(1.0f, 0.55f, 0.45f, 1), "%s", save.text.c_str());
                remember_item_rect("save.status", rects);
                ImGui::SameLine();
                if (ImGui::SmallButton(tr("Download"))) download = true;
                remember_item_rect("save.download", rects);
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("Your work is still here, in this page: keep a copy as a file"));
            } else {
                ImGui::TextDisabled("%s", save.text.c_str());
                remember_item_rect("save.status", rects);
            }
        }

        // Scale bar, right-aligned before the attribution (its short form on a phone, where the
        // licences would push the scale off the screen).
        const std::string credit = narrow && vp->Size.x < 520 * s ? short_attribution(attribution) : attribution;
        const ImVec2 attribution_size = ImGui::CalcTextSize(credit.c_str());
        const ScaleBar bar = make_scale_bar(camera.ground_m_per_px(), (narrow ? 70.0 : 140.0) * s);
        const ImVec2 label_size = ImGui::CalcTextSize(bar.label.c_str());
        const float right = vp->Pos.x + vp->Size.x - 10 * s;
        const float attribution_x = right - attribution_size.x;
        const float bar_right = attribution_x - 24 * s;
        const float bar_left = bar_right - float(bar.length_px);
        const float y = ImGui::GetWindowPos().y + height / 2;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
        dl->AddText(ImVec2(bar_left - label_size.x - 8 * s, y - label_size.y / 2), ink, bar.label.c_str());
        dl->AddLine(ImVec2(bar_left, y + 4 * s), ImVec2(bar_right, y + 4 * s), ink, 2 * s);
        dl->AddLine(ImVec2(bar_left, y - 4 * s), ImVec2(bar_left, y + 4 * s), ink, 2 * s);
        dl->AddLine(ImVec2(bar_right, y - 4 * s), ImVec2(bar_right, y + 4 * s), ink, 2 * s);
        dl->AddText(ImVec2(attribution_x, y - attribution_size.y / 2), ImGui::GetColorU32(ImGuiCol_TextDisabled), credit.c_str());
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
    return download;
}

}  // namespace lowsky::web
