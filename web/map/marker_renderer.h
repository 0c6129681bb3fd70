#pragma once
// Many round markers (a disc in a ring) and thin lines, each kind in one draw call, in CSS
// pixels, at their place among Dear ImGui's shapes (a draw-list callback): the playback's
// drones, which as ImGui circles cost tens of vertices each and thousands of them a frame.

#include <GLES3/gl3.h>
#include <imgui.h>

#include <string>
#include <vector>

namespace lowsky::web {

class MarkerRenderer {
public:
    bool init(std::string& error);
    void clear() { markers_.clear(), lines_.clear(); }
    void add_marker(ImVec2 at, float radius_px, float ring_px, ImU32 fill, ImU32 ring) { markers_.push_back({at.x, at.y, radius_px, ring_px, fill, ring}); }
    void add_line(ImVec2 a, ImVec2 b, ImU32 colour) {
        lines_.push_back({a.x, a.y, 0, 0, colour, colour});
        lines_.push_back({b.x, b.y, 0, 0, colour, colour});
    }
    size_t markers() const { return markers_.size(); }
    // Draws what was added, lines under markers, where this call stands in `dl`'s shapes.
    void queue(ImDrawList* dl);

private:
    struct Vertex {
        float x, y, radius, ring;
        ImU32 fill, ring_colour;
    };
    static void draw_callback(const ImDrawList* list, const ImDrawCmd* cmd);
    void draw() const;

    std::vector<Vertex> markers_, lines_;
    GLuint program_ = 0, vao_ = 0, buffer_ = 0;
    GLint u_viewport_ = -1, u_pixel_ratio_ = -1, u_points_ = -1;
};

}  // namespace lowsky::web
