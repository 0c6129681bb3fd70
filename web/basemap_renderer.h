#pragma once
// Draws the basemap with our own shaders: land, lakes and patches as filled polygons (from
// the triangles the basemap carries, so each pixel is filled once) and the coastline on top.

#include <GLES3/gl3.h>

#include <cstdint>
#include <string>
#include <vector>

#include "basemap/basemap.h"
#include "geo/map_camera.h"
#include "geo/web_mercator.h"

namespace lowsky::web {

// GL vertices are stored relative to this point so float32 keeps centimetres (see map.vert).
inline const MercatorPoint kMapOrigin = mercator::project({22.5, 113.5});

struct MapPalette {
    float water[4] = {0.667f, 0.808f, 0.890f, 1.0f};
    float land[4] = {0.957f, 0.945f, 0.918f, 1.0f};
    float coast[4] = {0.420f, 0.545f, 0.650f, 1.0f};
    float no_data[4] = {0.840f, 0.840f, 0.830f, 1.0f};  // beyond the offline map's coverage
};

class BasemapRenderer {
public:
    bool init(std::string& error);
    void upload(const Basemap& basemap);
    bool has_data() const { return !layers_.empty(); }
    uint64_t uploads() const { return uploads_; }  // changes whenever what is drawn does
    // Draws what was uploaded. Beyond the basemap's bounds, and everywhere when there is no
    // basemap, the map is a neutral "no data" tone, never sea.
    void draw(const MapCamera& camera, const MapPalette& palette) const;

private:
    struct Layer {
        GLsizei first_index = 0, index_count = 0;  // triangles in the fill index buffer
        bool land = true;
    };

    GLuint program_ = 0, vao_ = 0, vertices_ = 0, fill_indices_ = 0, line_indices_ = 0;
    GLint u_view_projection_ = -1, u_color_ = -1;
    std::vector<Layer> layers_;
    GLsizei line_index_count_ = 0;
    GLint coverage_quad_first_ = 0;  // 4 vertices: the basemap's bounds
    uint64_t uploads_ = 0;
};

}  // namespace lowsky::web
