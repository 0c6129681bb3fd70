#pragma once
// Draws the airspace's solids (engine/view/airspace_volumes) in the 3D view: translucent faces
// sorted back to front whenever the camera moves (depth writes off, so every face shows through
// the ones before it), then their outlines. The ground is the basemap drawn before it.

#include <GLES3/gl3.h>

#include <string>
#include <vector>

#include "geo/map_camera.h"
#include "view/airspace_volumes.h"

namespace lowsky::web {

class VolumeRenderer {
public:
    bool init(std::string& error);
    void upload(AirspaceVolumes volumes);
    const AirspaceVolumes& volumes() const { return volumes_; }
    // `selected` is an owner index or -1; `alpha` fades the whole (0 in plan view).
    void draw(const MapCamera& camera, int selected, float alpha);
    double last_sort_ms() const { return last_sort_ms_; }

private:
    struct Vertex {
        float x, y, h;
        unsigned char rgba[4];
        float owner;
    };
    void bind_layout() const;

    AirspaceVolumes volumes_;
    GLuint program_ = 0, face_vao_ = 0, edge_vao_ = 0, face_vertices_ = 0, face_indices_ = 0, edge_vertices_ = 0;
    GLint u_view_projection_ = -1, u_selected_ = -1, u_alpha_ = -1;
    GLsizei edge_vertex_count_ = 0;
    std::vector<uint32_t> order_, indices_;
    // The camera the faces were last sorted for: a still camera needs no new order.
    static constexpr int kCameraKeys = 8;
    double sorted_for_[kCameraKeys] = {-1, -1, -1, -1, -1, -1, -1, -1};
    bool dirty_ = true;
    double last_sort_ms_ = 0;
};

}  // namespace lowsky::web
