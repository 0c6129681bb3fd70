// lowsky: the command-line face of the engine.
#include <cstdio>
#include <cstring>
#include <string>

#include "version.h"

namespace {

constexpr const char* kUsage =
    "usage: lowsky [--help] [--version]\n"
    "\n"
    "lowsky plans low-altitude drone logistics corridors in the Greater Bay Area.\n"
    "This build knows these options:\n"
    "  --help       show this text\n"
    "  --version    print the version\n";

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    const std::string arg = argv[1];
    if (arg == "--help" || arg == "-h") {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (arg == "--version") {
        std::printf("lowsky %s\n", lowsky::version_string());
        return 0;
    }
    std::fprintf(stderr, "lowsky: unknown command or option '%s'\n\n%s", arg.c_str(), kUsage);
    return 2;
}
