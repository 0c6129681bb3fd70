#include "map/marker_renderer.h"

#include <cstddef>

#include "gl_util.h"
#include "shaders_embedded.h"

namespace lowsky::web {

bool MarkerRenderer::init(std::string& error) {
    program_ = build_program(shaders::marker_vert, shaders::marker_frag, error);
    if (!program_) return false;
    u_viewport_ = glGetUniformLocation(program_, "u_viewport");
    u_pixel_ratio_ = glGetUniformLocation(program_, "u_pixel_ratio");
    u_points_ = glGetUniformLocation(program_, "u_points");
    glGenVertexArrays(1, &vao_);
    glGenBuffers(1, &buffer_);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, buffer_);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(Vertex), reinterpret_cast<const void*>(offsetof(Vertex, x)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(Vertex), reinterpret_cast<const void*>(offsetof(Vertex, radius)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(Vertex), reinterpret_cast<const void*>(offsetof(Vertex, fill)));
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(Vertex), reinterpret_cast<const void*>(offsetof(Vertex, ring_colour)));
    glBindVertexArray(0);
    return true;
}

void MarkerRenderer::queue(ImDrawList* dl) {
    if (markers_.empty() && lines_.empty()) return;
    dl->AddCallback(&MarkerRenderer::draw_callback, this);
    dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);  // Dear ImGui's own program and buffers again
}

void MarkerRenderer::draw_callback(const ImDrawList*, const ImDrawCmd* cmd) { static_cast<const MarkerRenderer*>(cmd->UserCallbackData)->draw(); }

void MarkerRenderer::draw() const {
    // Dear ImGui has set the viewport and blending (straight alpha) for its own shapes.
    const ImGuiIO& io = ImGui::GetIO();
    glUseProgram(program_);
    glUniform2f(u_viewport_, io.DisplaySize.x, io.DisplaySize.y);
    glUniform1f(u_pixel_ratio_, io.DisplayFramebufferScale.x);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, buffer_);
    // One buffer: the lines' vertices, then the markers'.
    const GLsizeiptr lines = GLsizeiptr(lines_.size() * sizeof(Vertex)), markers = GLsizeiptr(markers_.size() * sizeof(Vertex));
    glBufferData(GL_ARRAY_BUFFER, lines + markers, nullptr, GL_STREAM_DRAW);
    if (lines) glBufferSubData(GL_ARRAY_BUFFER, 0, lines, lines_.data());
    if (markers) glBufferSubData(GL_ARRAY_BUFFER, lines, markers, markers_.data());
    glUniform1i(u_points_, 0);
    if (!lines_.empty()) glDrawArrays(GL_LINES, 0, GLsizei(lines_.size()));
    glUniform1i(u_points_, 1);
    if (!markers_.empty()) glDrawArrays(GL_POINTS, GLint(lines_.size()), GLsizei(markers_.size()));
    glBindVertexArray(0);
}

}  // namespace lowsky::web
