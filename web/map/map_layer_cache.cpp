#include "map/map_layer_cache.h"

#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <cstring>

#include "gl_util.h"
#include "shaders_embedded.h"

namespace lowsky::web {

namespace {

// Appends, or compares against what was appended last time, the bytes the layer is made of.
class KeyWalk {
public:
    KeyWalk(std::vector<uint8_t>& key, bool compare) : key_(key), compare_(compare) {
        if (!compare_) key_.clear();
    }
    void add(const void* bytes, size_t n) {
        if (n == 0) return;
        if (!compare_) {
            const auto* p = static_cast<const uint8_t*>(bytes);
            key_.insert(key_.end(), p, p + n);
        } else if (same_) {
            same_ = at_ + n <= key_.size() && std::memcmp(key_.data() + at_, bytes, n) == 0;
        }
        at_ += n;
    }
    template <typename T>
    void value(const T& v) { add(&v, sizeof v); }
    bool same() const { return same_ && at_ == key_.size(); }

private:
    std::vector<uint8_t>& key_;
    bool compare_ = false, same_ = true;
    size_t at_ = 0;
};

void add_layer(KeyWalk& walk, const BasemapRenderer& basemap, const MapCamera& camera, const MapPalette& palette, const ImDrawList* layer,
               const ImDrawData& frame) {
    float view_projection[16];
    camera.view_projection(kMapOrigin, view_projection);
    walk.add(view_projection, sizeof view_projection);
    walk.value(camera.width_px()), walk.value(camera.height_px()), walk.value(camera.pixel_ratio());
    walk.add(&palette, sizeof palette);
    walk.value(basemap.uploads());
    walk.value(frame.DisplayPos), walk.value(frame.DisplaySize), walk.value(frame.FramebufferScale);
    walk.value(layer->VtxBuffer.Size), walk.value(layer->IdxBuffer.Size), walk.value(layer->CmdBuffer.Size);
    walk.add(layer->VtxBuffer.Data, size_t(layer->VtxBuffer.Size) * sizeof(ImDrawVert));
    walk.add(layer->IdxBuffer.Data, size_t(layer->IdxBuffer.Size) * sizeof(ImDrawIdx));
    for (const ImDrawCmd& c : layer->CmdBuffer) {
        walk.value(c.ClipRect), walk.value(c.TextureId), walk.value(c.VtxOffset), walk.value(c.IdxOffset), walk.value(c.ElemCount);
        walk.value(c.UserCallback), walk.value(c.UserCallbackData);
    }
}

}  // namespace

bool MapLayerCache::init(std::string& error) {
    program_ = build_program(shaders::copy_vert, shaders::copy_frag, error);
    if (!program_) return false;
    u_layer_ = glGetUniformLocation(program_, "u_layer");
    glGenVertexArrays(1, &vao_);  // no attributes: the vertices come from gl_VertexID
    return true;
}

bool MapLayerCache::same_as_drawn(const BasemapRenderer& basemap, const MapCamera& camera, const MapPalette& palette, const ImDrawList* layer,
                                  const ImDrawData& frame) {
    KeyWalk compare(key_, true);
    add_layer(compare, basemap, camera, palette, layer, frame);
    if (valid_ && compare.same()) return true;
    KeyWalk write(key_, false);
    add_layer(write, basemap, camera, palette, layer, frame);
    return false;
}

void MapLayerCache::ensure_targets(int width, int height) {
    if (texture_ && width == width_ && height == height_) return;
    if (texture_) {
        glDeleteTextures(1, &texture_);
        glDeleteFramebuffers(1, &resolved_fbo_);
        if (samples_fbo_) glDeleteFramebuffers(1, &samples_fbo_), glDeleteRenderbuffers(1, &samples_rbo_);
        samples_fbo_ = samples_rbo_ = 0;
    }
    width_ = width, height_ = height;
    // The layer is drawn with the screen's own multisampling, so that its edges look as they
    // did when drawn straight to the screen.
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    GLint screen_samples = 0, max_samples = 0;
    glGetIntegerv(GL_SAMPLES, &screen_samples);
    glGetIntegerv(GL_MAX_SAMPLES, &max_samples);
    samples_ = std::min(screen_samples, max_samples);

    glGenTextures(1, &texture_);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glTexStorage2D(GL_TEXTURE_2D, 1, GL_RGBA8, width, height);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glBindTexture(GL_TEXTURE_2D, 0);
    glGenFramebuffers(1, &resolved_fbo_);
    glBindFramebuffer(GL_FRAMEBUFFER, resolved_fbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_, 0);
    if (samples_ > 0) {
        glGenRenderbuffers(1, &samples_rbo_);
        glBindRenderbuffer(GL_RENDERBUFFER, samples_rbo_);
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples_, GL_RGBA8, width, height);
        glBindRenderbuffer(GL_RENDERBUFFER, 0);
        glGenFramebuffers(1, &samples_fbo_);
        glBindFramebuffer(GL_FRAMEBUFFER, samples_fbo_);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, samples_rbo_);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    valid_ = false;
}

void MapLayerCache::draw(const BasemapRenderer& basemap, const MapCamera& camera, const MapPalette& palette, ImDrawList* layer,
                         const ImDrawData& frame) {
    const int width = int(camera.width_px()), height = int(camera.height_px());
    if (width <= 0 || height <= 0) return;
    ensure_targets(width, height);
    if (!same_as_drawn(basemap, camera, palette, layer, frame)) {
        glBindFramebuffer(GL_FRAMEBUFFER, samples_ > 0 ? samples_fbo_ : resolved_fbo_);
        basemap.draw(camera, palette);  // sets the viewport and clears
        ImDrawData only;
        ImDrawList* lists[] = {layer};
        only.Valid = true;
        only.CmdLists = lists;
        only.CmdListsCount = 1;
        only.TotalVtxCount = layer->VtxBuffer.Size;
        only.TotalIdxCount = layer->IdxBuffer.Size;
        only.DisplayPos = frame.DisplayPos;
        only.DisplaySize = frame.DisplaySize;
        only.FramebufferScale = frame.FramebufferScale;
        ImGui_ImplOpenGL3_RenderDrawData(&only);
        if (samples_ > 0) {
            glBindFramebuffer(GL_READ_FRAMEBUFFER, samples_fbo_);
            glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolved_fbo_);
            glBlitFramebuffer(0, 0, width, height, 0, 0, width, height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
        }
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        valid_ = true;
        ++redraws_;
    }
    // The copy to the screen.
    glViewport(0, 0, width, height);
    glDisable(GL_BLEND);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glUseProgram(program_);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glUniform1i(u_layer_, 0);
    glBindVertexArray(vao_);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
    glBindTexture(GL_TEXTURE_2D, 0);
    glUseProgram(0);
    ++copies_;
}

}  // namespace lowsky::web
