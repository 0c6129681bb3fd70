#include "basemap_renderer.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "geo/web_mercator.h"
#include "gl_util.h"
#include "shaders_embedded.h"

namespace lowsky::web {

namespace {

struct Vec2 { float x, y; };

Vec2 to_local(GeoPoint p) {
    const MercatorPoint m = mercator::project(p);
    return {float(m.x_m - kMapOrigin.x_m), float(m.y_m - kMapOrigin.y_m)};
}

// GSHHG rings are cut at 1-degree bin edges; those cuts are not coastline.
bool is_bin_edge(GeoPoint a, GeoPoint b) {
    auto whole = [](double v) { return std::abs(v - std::round(v)) < 1e-6; };
    return (whole(a.lat_deg) && whole(b.lat_deg) && std::abs(a.lat_deg - b.lat_deg) < 1e-6) ||
           (whole(a.lon_deg) && whole(b.lon_deg) && std::abs(a.lon_deg - b.lon_deg) < 1e-6);
}

}  // namespace

bool BasemapRenderer::init(std::string& error) {
    program_ = build_program(shaders::map_vert, shaders::map_frag, error);
    if (!program_) return false;
    u_view_projection_ = glGetUniformLocation(program_, "u_view_projection");
    u_color_ = glGetUniformLocation(program_, "u_color");
    glGenVertexArrays(1, &vao_);
    glGenBuffers(1, &vertices_);
    glGenBuffers(1, &fill_indices_);
    glGenBuffers(1, &line_indices_);
    return true;
}

void BasemapRenderer::upload(const Basemap& basemap) {
    ++uploads_;
    // Draw order: GSHHG land, reclamation patches, lakes, islands in lakes, ponds.
    struct Pass { int level; RingSource source; bool land; };
    const Pass passes[] = {{1, RingSource::Gshhg, true}, {1, RingSource::Patch, true}, {2, RingSource::Gshhg, false},
                           {3, RingSource::Gshhg, true}, {4, RingSource::Gshhg, false}};

    std::vector<Vec2> vertices;
    std::vector<uint32_t> fill, lines;
    vertices.reserve(total_points(basemap) + 4);
    layers_.clear();

    const Vec2 sw = to_local({basemap.bounds.south_deg, basemap.bounds.west_deg});
    const Vec2 ne = to_local({basemap.bounds.north_deg, basemap.bounds.east_deg});
    coverage_quad_first_ = 0;
    vertices.insert(vertices.end(), {{sw.x, sw.y}, {ne.x, sw.y}, {sw.x, ne.y}, {ne.x, ne.y}});

    for (const Pass& pass : passes) {
        Layer layer;
        layer.first_index = GLsizei(fill.size());
        layer.land = pass.land;
        for (const auto& ring : basemap.rings) {
            if (ring.level != pass.level || ring.source != pass.source) continue;
            const uint32_t base = uint32_t(vertices.size());
            const size_t n = ring.points.size();
            for (size_t i = 0; i < n; ++i) {
                vertices.push_back(to_local(ring.points[i]));
            }
            for (uint16_t index : ring.triangles) fill.push_back(base + index);
            if (ring.source == RingSource::Gshhg) {
                for (size_t i = 0; i < n; ++i) {
                    const size_t j = (i + 1) % n;
                    if (!is_bin_edge(ring.points[i], ring.points[j])) lines.insert(lines.end(), {base + uint32_t(i), base + uint32_t(j)});
                }
            }
        }
        layer.index_count = GLsizei(fill.size()) - layer.first_index;
        if (layer.index_count > 0) layers_.push_back(layer);
    }
    line_index_count_ = GLsizei(lines.size());

    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vertices_);
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(vertices.size() * sizeof(Vec2)), vertices.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(Vec2), nullptr);
    glBindVertexArray(0);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, fill_indices_);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(fill.size() * 4), fill.data(), GL_STATIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, line_indices_);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(lines.size() * 4), lines.data(), GL_STATIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
}

void BasemapRenderer::draw(const MapCamera& camera, const MapPalette& palette) const {
    glViewport(0, 0, GLsizei(camera.width_px()), GLsizei(camera.height_px()));
    // Without a basemap nothing is known: no data, not sea.
    glClearColor(palette.no_data[0], palette.no_data[1], palette.no_data[2], palette.no_data[3]);
    glClear(GL_COLOR_BUFFER_BIT);
    if (layers_.empty()) return;

    float view_projection[16];
    camera.view_projection(kMapOrigin, view_projection);
    glUseProgram(program_);
    glUniformMatrix4fv(u_view_projection_, 1, GL_FALSE, view_projection);
    glBindVertexArray(vao_);
    glDisable(GL_BLEND);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_SCISSOR_TEST);
    glUniform4fv(u_color_, 1, palette.water);
    glDrawArrays(GL_TRIANGLE_STRIP, coverage_quad_first_, 4);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, fill_indices_);
    for (const Layer& layer : layers_) {
        glUniform4fv(u_color_, 1, layer.land ? palette.land : palette.water);
        glDrawElements(GL_TRIANGLES, layer.index_count, GL_UNSIGNED_INT,
                       reinterpret_cast<const void*>(uintptr_t(layer.first_index) * 4));
    }

    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glUniform4fv(u_color_, 1, palette.coast);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, line_indices_);
    glDrawElements(GL_LINES, line_index_count_, GL_UNSIGNED_INT, nullptr);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
    glBindVertexArray(0);
    glUseProgram(0);
}

}  // namespace lowsky::web
