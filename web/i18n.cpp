#include "i18n.h"

#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <unordered_map>

namespace lowsky::web {

namespace {

Language g_language = Language::English;

// English text → Chinese text, and the composed "Chinese##id" strings handed out (kept, so
// that the pointers stay valid).
struct Lookup {
    std::unordered_map<std::string_view, const char*> chinese;
    std::unordered_map<std::string, std::string> composed;
    Lookup() {
        for (const auto& [en, zh] : chinese_table()) chinese.emplace(en, zh);
    }
};

Lookup& lookup() {
    static Lookup table;
    return table;
}

}  // namespace

void set_language(Language language) { g_language = language; }
Language language() { return g_language; }
const char* language_code(Language language) { return language == Language::Chinese ? "zh" : "en"; }

const char* tr(const char* english) {
    if (g_language == Language::English || !english) return english;
    Lookup& t = lookup();
    const char* hashes = std::strstr(english, "##");
    const std::string_view visible = hashes ? std::string_view(english, size_t(hashes - english)) : std::string_view(english);
    const auto found = t.chinese.find(visible);
    if (found == t.chinese.end()) return english;  // names, numbers, what the table lacks
    if (!hashes) return found->second;
    auto [at, added] = t.composed.try_emplace(english);
    if (added) at->second = std::string(found->second) + hashes;
    return at->second.c_str();
}

std::string trf(const char* format, ...) {
    char text[1024];
    va_list args;
    va_start(args, format);
    std::vsnprintf(text, sizeof text, tr(format), args);
    va_end(args);
    return text;
}

const std::string& local_name(const std::string& english, const std::string& chinese) {
    return g_language == Language::Chinese && !chinese.empty() ? chinese : english;
}

}  // namespace lowsky::web
