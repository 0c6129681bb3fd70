#pragma once
// Small OpenGL ES 3 / WebGL2 helpers: compiling programs with readable errors.

#include <GLES3/gl3.h>

#include <string>

namespace lowsky::web {

// Returns 0 and fills error on failure.
GLuint build_program(const char* vertex_src, const char* fragment_src, std::string& error);

}  // namespace lowsky::web
