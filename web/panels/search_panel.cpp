// The search box in the top bar: hubs, corridors, zones, places and airports by name or id,
// the best few listed as you type; Enter or a click flies the map there (and selects it).
#include <imgui.h>

#include <algorithm>
#include <cctype>

#include "panels.h"

namespace lowsky::web {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

GeoPoint middle(const std::vector<GeoPoint>& points) {
    GeoPoint m{0, 0};
    for (const auto& p : points) m.lat_deg += p.lat_deg, m.lon_deg += p.lon_deg;
    if (!points.empty()) m.lat_deg /= double(points.size()), m.lon_deg /= double(points.size());
    return m;
}

}  // namespace

std::vector<SearchHit> search_map(const std::string& query, const Scenario* scenario, const PlaceCatalog& places, size_t limit) {
    std::vector<SearchHit> hits;
    const std::string q = lower(query);
    if (q.size() < 2) return hits;
    // By the name in either language or the id; shown by the name in the interface's language.
    auto consider = [&](const char* kind, const std::string& id, const std::string& name, const std::string& name_zh, GeoPoint at, double zoom) {
        const std::string n = lower(name), i = lower(id);
        const size_t in_name = n.find(q), in_id = i.find(q), in_zh = name_zh.empty() ? std::string::npos : name_zh.find(query);
        if (in_name == std::string::npos && in_id == std::string::npos && in_zh == std::string::npos) return;
        // Names that start with the query first, then ids that do, then the rest.
        const int rank = in_name == 0 || in_zh == 0 ? 0 : in_id == 0 ? 1 : 2;
        const std::string& shown = local_name(name, name_zh);
        hits.push_back({kind, id, shown.empty() ? id : shown, at, zoom, rank});
    };
    if (scenario) {
        for (const auto& h : scenario->hubs) consider("hub", h.id, h.name, h.name_zh, h.position, 13);
        for (const auto& c : scenario->corridors) consider("corridor", c.id, c.name, "", middle(c.centreline), 11);
        for (const auto& z : scenario->zones)
            consider("zone", z.id, z.name, "", z.shape.kind == ZoneShape::Kind::Circle ? z.shape.center : middle(z.shape.polygon), 12);
    }
    for (const auto& p : places.places) consider("place", p.id, p.name, p.name_zh, p.position, 12);
    for (const auto& a : places.airports) consider("airport", a.icao, a.name, a.name_zh, a.reference_point, 11);
    for (const auto& c : places.cities) consider(c.kind == PlaceKind::City ? "city" : "district", c.id, c.name, c.name_zh, c.position, c.kind == PlaceKind::City ? 11 : 12);
    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) { return a.rank < b.rank; });
    if (hits.size() > limit) hits.resize(limit);
    return hits;
}

std::optional<SearchHit> draw_search(SearchState& st, const Scenario* scenario, const PlaceCatalog& places, float s,
                                     std::vector<std::pair<std::string, std::array<float, 4>>>& rects) {
    std::optional<SearchHit> chosen;
    ImGui::SetNextItemWidth(170 * s);
    const bool enter = ImGui::InputTextWithHint("##search", tr("Search hubs, places..."), st.text, sizeof st.text, ImGuiInputTextFlags_EnterReturnsTrue);
    remember_item_rect("search", rects);
    const bool active = ImGui::IsItemActive();
    const ImVec2 below(ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y + 4 * s);
    const std::vector<SearchHit> hits = search_map(st.text, scenario, places, 8);
    if (enter && !hits.empty()) chosen = hits.front();
    if ((active || st.list_hovered) && !hits.empty() && !chosen) {
        ImGui::SetNextWindowPos(below);
        ImGui::SetNextWindowBgAlpha(0.97f);
        const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                                       ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_Tooltip;
        if (ImGui::Begin("##search_hits", nullptr, flags)) {
            for (size_t i = 0; i < hits.size(); ++i) {
                ImGui::PushID(int(i));
                const std::string label = hits[i].name + "##hit";
                if (ImGui::Selectable(label.c_str())) chosen = hits[i];
                remember_item_rect(("search." + std::to_string(i)).c_str(), rects);
                ImGui::SameLine();
                ImGui::TextDisabled("%s %s", hits[i].kind, hits[i].id.c_str());
                ImGui::PopID();
            }
            st.list_hovered = ImGui::IsWindowHovered();
        }
        ImGui::End();
    } else if (!active) {
        st.list_hovered = false;
    }
    if (chosen) st.text[0] = '\0', st.list_hovered = false;
    return chosen;
}

}  // namespace lowsky::web
