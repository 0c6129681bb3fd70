#pragma once
// Escaping text for XML (KML, WPML).

#include <string>
#include <string_view>

namespace lowsky {

// `s` escaped onto the end of `out`. Plain runs are appended whole: a character at a time
// costs most in WebAssembly, and so does a temporary string for each piece of a document.
inline void append_xml_escaped(std::string& out, std::string_view s) {
    size_t plain = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        const char* entity = nullptr;
        switch (s[i]) {
            case '&': entity = "&amp;"; break;
            case '<': entity = "&lt;"; break;
            case '>': entity = "&gt;"; break;
            case '"': entity = "&quot;"; break;
            case '\'': entity = "&apos;"; break;
            default: continue;
        }
        out.append(s.data() + plain, i - plain).append(entity);
        plain = i + 1;
    }
    out.append(s.data() + plain, s.size() - plain);
}

inline std::string xml_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    append_xml_escaped(out, s);
    return out;
}

}  // namespace lowsky
