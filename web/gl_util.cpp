#include "gl_util.h"

#include <vector>

namespace lowsky::web {

namespace {

GLuint compile(GLenum type, const char* src, std::string& error) {
    GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &src, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        GLint length = 0;
        glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
        std::vector<char> log(size_t(length > 0 ? length : 1));
        glGetShaderInfoLog(shader, GLsizei(log.size()), nullptr, log.data());
        error = std::string(type == GL_VERTEX_SHADER ? "vertex" : "fragment") + " shader: " + log.data();
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

}  // namespace

GLuint build_program(const char* vertex_src, const char* fragment_src, std::string& error) {
    GLuint vs = compile(GL_VERTEX_SHADER, vertex_src, error);
    if (!vs) return 0;
    GLuint fs = compile(GL_FRAGMENT_SHADER, fragment_src, error);
    if (!fs) { glDeleteShader(vs); return 0; }
    GLuint program = glCreateProgram();
    glAttachShader(program, vs);
    glAttachShader(program, fs);
    glLinkProgram(program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (!ok) {
        GLint length = 0;
        glGetProgramiv(program, GL_INFO_LOG_LENGTH, &length);
        std::vector<char> log(size_t(length > 0 ? length : 1));
        glGetProgramInfoLog(program, GLsizei(log.size()), nullptr, log.data());
        error = std::string("link: ") + log.data();
        glDeleteProgram(program);
        return 0;
    }
    return program;
}

}  // namespace lowsky::web
