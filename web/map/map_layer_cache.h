#pragma once
// The map layer (the basemap and Dear ImGui's background list: coasts, corridors, zones, hubs,
// the editor's handles) drawn into a texture and copied to the screen while it stays the same.
// A playing day moves only its drones, which are drawn over it each frame; with a software
// GPU (and on a phone) redrawing the region's land and lanes every frame was most of a frame.
//
// Whether the layer is the same is decided by what it is made of, byte for byte: the camera,
// the palette, the basemap's upload and the background list's vertices, indices and commands.
// Nothing has to remember to invalidate it.

#include <GLES3/gl3.h>
#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

#include "basemap_renderer.h"
#include "geo/map_camera.h"

namespace lowsky::web {

class MapLayerCache {
public:
    bool init(std::string& error);
    // Draws the basemap and `layer` to the screen: from the texture when nothing changed since
    // it was drawn there, else drawn into it first.
    void draw(const BasemapRenderer& basemap, const MapCamera& camera, const MapPalette& palette, ImDrawList* layer, const ImDrawData& frame);
    void forget() { valid_ = false; }  // the next draw draws the texture again
    uint64_t redraws() const { return redraws_; }
    uint64_t copies() const { return copies_; }

private:
    bool same_as_drawn(const BasemapRenderer& basemap, const MapCamera& camera, const MapPalette& palette, const ImDrawList* layer,
                       const ImDrawData& frame);
    void ensure_targets(int width, int height);

    GLuint program_ = 0, vao_ = 0;
    GLint u_layer_ = -1;
    GLuint resolved_fbo_ = 0, texture_ = 0;      // what the screen copies
    GLuint samples_fbo_ = 0, samples_rbo_ = 0;   // drawn multisampled, as the screen is, then resolved
    int width_ = 0, height_ = 0, samples_ = 0;
    bool valid_ = false;
    std::vector<uint8_t> key_;  // what the texture was drawn from
    uint64_t redraws_ = 0, copies_ = 0;
};

}  // namespace lowsky::web
