#pragma once
// Escaping text for XML (KML, WPML).

#include <string>

namespace lowsky {

// Plain runs are appended whole: a character at a time costs most in WebAssembly.
inline std::string xml_escape(const std::string& s) {
    std::string out;
    out.reserve(s.size());
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
        out.append(s, plain, i - plain).append(entity);
        plain = i + 1;
    }
    return out.append(s, plain, std::string::npos);
}

}  // namespace lowsky
