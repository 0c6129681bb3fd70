#pragma once

namespace lowsky {
// Set by CMake from project(VERSION ...).
const char* version_string();
}
