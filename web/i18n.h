#pragma once
// The interface in English or Chinese (simplified). Every string the interface shows is
// written in English in the code, wrapped in tr(); its Chinese is in one table
// (web/i18n_zh.cpp), which a test checks covers every tr() in web/. Names of places and hubs
// come from the data (name / name_zh), and the engine's own messages stay in English.
#include <string>
#include <utility>
#include <vector>

// Marks a literal that reaches tr() later (tables of names, notice titles): the table's test
// finds it by this mark, and it is the literal itself.
#define N_(text) text

namespace lowsky::web {

enum class Language { English, Chinese };

void set_language(Language language);
Language language();
const char* language_code(Language language);  // "en", "zh"

// `english` in the interface's language. A "##id" or "###id" suffix (Dear ImGui's ids) is kept
// as it is, so that a window or a control keeps its identity across a switch. Formats keep their
// arguments: the Chinese has the same conversions in the same order.
const char* tr(const char* english);

// tr(format) filled in, printf-style, into a string.
std::string trf(const char* format, ...) __attribute__((format(printf, 1, 2)));

// A name given in both languages: the Chinese one when the interface is Chinese and it has one.
const std::string& local_name(const std::string& english, const std::string& chinese);

// The table: English, Chinese.
const std::vector<std::pair<const char*, const char*>>& chinese_table();

}  // namespace lowsky::web
