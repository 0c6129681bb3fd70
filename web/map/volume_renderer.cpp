#include "map/volume_renderer.h"

#include <cmath>
#include <cstddef>

#include "basemap_renderer.h"
#include "gl_util.h"
#include "panels/map_style.h"
#include "platform.h"
#include "shaders_embedded.h"

namespace lowsky::web {

namespace {

// Faces are fainter than the plan view's fills (several overlap along any line of sight);
// outlines are the plan view's lines.
ImU32 face_colour(VolumeLook look) {
    switch (look) {
        case VolumeLook::NoFly: return map_style::zone_fill(ZoneKind::NoFly);
        case VolumeLook::Controlled: return map_style::zone_fill(ZoneKind::Controlled);
        case VolumeLook::Restricted: return map_style::zone_fill(ZoneKind::Restricted);
        case VolumeLook::CorridorError: return map_style::corridor(CheckState::Error, 70);
        case VolumeLook::CorridorWarning: return map_style::corridor(CheckState::Warning, 70);
        case VolumeLook::Ceiling: return IM_COL32(90, 110, 140, 26);
        default: return map_style::corridor(CheckState::Clean, 70);
    }
}

ImU32 edge_colour(VolumeLook look) {
    switch (look) {
        case VolumeLook::NoFly: return map_style::zone_line(ZoneKind::NoFly);
        case VolumeLook::Controlled: return map_style::zone_line(ZoneKind::Controlled);
        case VolumeLook::Restricted: return map_style::zone_line(ZoneKind::Restricted);
        case VolumeLook::CorridorError: return map_style::corridor(CheckState::Error, 200);
        case VolumeLook::CorridorWarning: return map_style::corridor(CheckState::Warning, 200);
        case VolumeLook::Ceiling: return IM_COL32(90, 110, 140, 80);
        default: return map_style::corridor(CheckState::Clean, 200);
    }
}

void set_rgba(unsigned char out[4], ImU32 c, float shade) {
    out[0] = (unsigned char)(float((c >> IM_COL32_R_SHIFT) & 0xFF) * shade);
    out[1] = (unsigned char)(float((c >> IM_COL32_G_SHIFT) & 0xFF) * shade);
    out[2] = (unsigned char)(float((c >> IM_COL32_B_SHIFT) & 0xFF) * shade);
    out[3] = (unsigned char)((c >> IM_COL32_A_SHIFT) & 0xFF);
}

}  // namespace

bool VolumeRenderer::init(std::string& error) {
    program_ = build_program(shaders::volume_vert, shaders::volume_frag, error);
    if (!program_) return false;
    u_view_projection_ = glGetUniformLocation(program_, "u_view_projection");
    u_selected_ = glGetUniformLocation(program_, "u_selected");
    u_alpha_ = glGetUniformLocation(program_, "u_alpha");
    glGenVertexArrays(1, &face_vao_);
    glGenVertexArrays(1, &edge_vao_);
    glGenBuffers(1, &face_vertices_);
    glGenBuffers(1, &face_indices_);
    glGenBuffers(1, &edge_vertices_);
    return true;
}

void VolumeRenderer::bind_layout() const {
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, sizeof(Vertex), reinterpret_cast<const void*>(offsetof(Vertex, x)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(Vertex), reinterpret_cast<const void*>(offsetof(Vertex, rgba)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, sizeof(Vertex), reinterpret_cast<const void*>(offsetof(Vertex, owner)));
}

void VolumeRenderer::upload(AirspaceVolumes volumes) {
    volumes_ = std::move(volumes);
    const AirspaceVolumes& v = volumes_;
    auto vertex = [&](uint32_t i, uint32_t owner, ImU32 colour, float shade) {
        const VolumeVertex& p = v.vertices[i];
        Vertex out{float(p.at.x_m - kMapOrigin.x_m), float(p.at.y_m - kMapOrigin.y_m), float(p.height_m), {}, float(owner)};
        set_rgba(out.rgba, colour, shade);
        return out;
    };
    // Three vertices of its own per face, so that a face's shade is its own: walls lit from the
    // north-west, tops and floors plain.
    std::vector<Vertex> faces;
    faces.reserve(v.triangles.size());
    for (size_t t = 0; t < v.triangle_owner.size(); ++t) {
        const uint32_t owner = v.triangle_owner[t];
        const VolumeVertex &a = v.vertices[v.triangles[3 * t]], &b = v.vertices[v.triangles[3 * t + 1]], &c = v.vertices[v.triangles[3 * t + 2]];
        float shade = 1.0f;
        if (a.height_m != b.height_m || a.height_m != c.height_m) {
            // A wall: its horizontal normal is across the bottom (or top) edge.
            const VolumeVertex& p = a.height_m == b.height_m ? a : a.height_m == c.height_m ? a : b;
            const VolumeVertex& q = a.height_m == b.height_m ? b : a.height_m == c.height_m ? c : c;
            const double dx = q.at.x_m - p.at.x_m, dy = q.at.y_m - p.at.y_m, n = std::hypot(dx, dy);
            const double facing = n > 0 ? std::abs((dy * -0.7071 - dx * 0.7071) / n) : 0;  // towards the north-west light
            shade = float(0.78 + 0.22 * facing);
        }
        const ImU32 colour = face_colour(v.owners[owner].look);
        for (int k = 0; k < 3; ++k) faces.push_back(vertex(v.triangles[3 * t + k], owner, colour, shade));
    }
    std::vector<Vertex> edges;
    for (size_t e = 0; e < v.edge_owner.size(); ++e) {
        const uint32_t owner = v.edge_owner[e];
        for (int k = 0; k < 2; ++k) edges.push_back(vertex(v.edges[2 * e + k], owner, edge_colour(v.owners[owner].look), 1.0f));
    }
    edge_vertex_count_ = GLsizei(edges.size());

    glBindVertexArray(face_vao_);
    glBindBuffer(GL_ARRAY_BUFFER, face_vertices_);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(faces.size() * sizeof(Vertex)), faces.data(), GL_STATIC_DRAW);
    bind_layout();
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, face_indices_);  // the VAO keeps it
    glBindVertexArray(edge_vao_);
    glBindBuffer(GL_ARRAY_BUFFER, edge_vertices_);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(edges.size() * sizeof(Vertex)), edges.data(), GL_STATIC_DRAW);
    bind_layout();
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    dirty_ = true;
}

void VolumeRenderer::draw(const MapCamera& camera, int selected, float alpha) {
    if (alpha <= 0.0f || volumes_.triangle_owner.empty()) return;
    const MercatorPoint c = camera.center_mercator();
    // Everything a face's depth depends on (the heights shown change while the view animates).
    const double now[kCameraKeys] = {c.x_m, c.y_m, camera.zoom(), camera.tilt_deg(), camera.bearing_deg(), camera.heights_shown(), camera.width_px(), camera.height_px()};
    bool moved = dirty_;
    for (int i = 0; i < kCameraKeys; ++i) moved = moved || now[i] != sorted_for_[i];
    glBindVertexArray(face_vao_);
    if (moved) {
        const double start = platform_now_ms();
        order_back_to_front(volumes_, camera, order_);
        indices_.resize(order_.size() * 3);
        for (size_t i = 0; i < order_.size(); ++i)
            for (uint32_t k = 0; k < 3; ++k) indices_[3 * i + k] = 3 * order_[i] + k;
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, face_indices_);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(indices_.size() * 4), indices_.data(), GL_DYNAMIC_DRAW);
        for (int i = 0; i < kCameraKeys; ++i) sorted_for_[i] = now[i];
        dirty_ = false;
        last_sort_ms_ = platform_now_ms() - start;
    }
    float view_projection[16];
    camera.view_projection(kMapOrigin, view_projection);
    glUseProgram(program_);
    glUniformMatrix4fv(u_view_projection_, 1, GL_FALSE, view_projection);
    glUniform1f(u_selected_, float(selected));
    glUniform1f(u_alpha_, alpha);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glDrawElements(GL_TRIANGLES, GLsizei(indices_.size()), GL_UNSIGNED_INT, nullptr);
    glBindVertexArray(edge_vao_);
    glDrawArrays(GL_LINES, 0, edge_vertex_count_);
    glBindVertexArray(0);
    glUseProgram(0);
}

}  // namespace lowsky::web
