// The guided tour's window: one step at a time, its claim for the region and the figure lowsky's
// engine gives for it (view/tour.h), coloured by whether it meets the claim. The app flies the
// map to each step's place.
#include <imgui.h>

#include <cstdio>

#include "panels.h"

namespace lowsky::web {

std::string tour_figure(const TourStep& t) {
    std::string figure;
    for (const TourText& part : t.figure_parts) {
        std::vector<std::string> args;
        for (const std::string& a : part.args) args.push_back(tr(a.c_str()));  // numbers and ids pass through
        figure += fill(tr(part.pattern.c_str()), args);
    }
    return figure;
}

TourAction draw_tour(const std::vector<TourStep>& steps, int step, bool day_running, bool phone, float s,
                     std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    if (steps.empty() || step < 0 || step >= int(steps.size())) return TourAction::None;
    const TourStep& t = steps[size_t(step)];
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = phone ? vp->Size.x - 16 * s : std::min(520 * s, vp->Size.x - 16 * s);
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y - 40 * s), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.94f);
    TourAction action = TourAction::None;
    bool open = true;
    char title[96];
    std::snprintf(title, sizeof title, tr("Tour: %d of %d###tour"), step + 1, int(steps.size()));
    if (ImGui::Begin(title, &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                                       ImGuiWindowFlags_AlwaysAutoResize)) {
        remember_window_rect("tour", rects);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(tr(t.title.c_str()));
        ImGui::TextDisabled("%s", tr(t.claim.c_str()));
        const ImVec4 colour = t.verdict == TourVerdict::Meets ? ImVec4(0.45f, 0.85f, 0.50f, 1)
                              : t.verdict == TourVerdict::Misses ? ImVec4(1.0f, 0.70f, 0.25f, 1)
                                                                 : ImVec4(0.70f, 0.74f, 0.80f, 1);
        const char* verdict = t.verdict == TourVerdict::Meets ? N_("lowsky reproduces it")
                              : t.verdict == TourVerdict::Misses ? N_("lowsky's figure falls short")
                                                                 : N_("lowsky does not reproduce it");
        ImGui::TextColored(colour, "%s: %s", tr(verdict), tour_figure(t).c_str());
        remember_item_rect("tour.figure", rects);
        if (day_running) ImGui::TextDisabled("%s", tr("the day is being simulated for the figures that need it..."));
        ImGui::PopTextWrapPos();
        ImGui::BeginDisabled(step == 0);
        if (ImGui::Button(tr("Back"))) action = TourAction::Back;
        ImGui::EndDisabled();
        remember_item_rect("tour.back", rects);
        ImGui::SameLine();
        if (ImGui::Button(step + 1 < int(steps.size()) ? tr("Next") : tr("End the tour"))) action = step + 1 < int(steps.size()) ? TourAction::Next : TourAction::Close;
        remember_item_rect("tour.next", rects);
    }
    ImGui::End();
    if (!open) action = TourAction::Close;
    return action;
}

}  // namespace lowsky::web
