#include "core/text.h"

#include <cstdint>
#include <cstring>
#include <cstdio>

namespace lowsky {

namespace {

// The length of the valid UTF-8 sequence starting at text[i], or 0.
size_t sequence_length(std::string_view t, size_t i) {
    const unsigned char c = static_cast<unsigned char>(t[i]);
    if (c < 0x80) return 1;
    size_t n = 0;
    unsigned lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c == 0xE0) n = 3, lo = 0xA0;
    else if (c >= 0xE1 && c <= 0xEC) n = 3;
    else if (c == 0xED) n = 3, hi = 0x9F;  // no UTF-16 surrogates
    else if (c >= 0xEE && c <= 0xEF) n = 3;
    else if (c == 0xF0) n = 4, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) n = 4;
    else if (c == 0xF4) n = 4, hi = 0x8F;  // nothing above U+10FFFF
    else return 0;
    if (i + n > t.size()) return 0;
    for (size_t k = 1; k < n; ++k) {
        const unsigned char b = static_cast<unsigned char>(t[i + k]);
        if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return 0;
    }
    return n;
}

const char* wide_encoding(std::string_view t) {
    auto starts = [&](std::string_view bom) { return t.substr(0, bom.size()) == bom; };
    if (starts(std::string_view("\xFF\xFE\0\0", 4))) return "UTF-32 (little-endian)";
    if (starts(std::string_view("\0\0\xFE\xFF", 4))) return "UTF-32 (big-endian)";
    if (starts("\xFF\xFE")) return "UTF-16 (little-endian)";
    if (starts("\xFE\xFF")) return "UTF-16 (big-endian)";
    // No mark: UTF-16 text of mostly ASCII has a zero byte in every other place.
    if (t.size() >= 4 && t[0] != '\0' && t[1] == '\0' && t[3] == '\0') return "UTF-16 (little-endian, no byte order mark)";
    if (t.size() >= 4 && t[0] == '\0' && t[1] != '\0' && t[2] == '\0') return "UTF-16 (big-endian, no byte order mark)";
    return nullptr;
}

}  // namespace

std::optional<size_t> invalid_utf8_at(std::string_view t) {
    for (size_t i = 0; i < t.size();) {
        // Eight bytes of ASCII at a time: most of every file.
        if (i + 8 <= t.size()) {
            uint64_t word = 0;
            std::memcpy(&word, t.data() + i, 8);
            if ((word & 0x8080808080808080ull) == 0) {
                i += 8;
                continue;
            }
        }
        const size_t n = sequence_length(t, i);
        if (n == 0) return i;
        i += n;
    }
    return std::nullopt;
}

std::optional<Error> require_utf8(std::string_view text, const std::string& source) {
    if (const char* wide = wide_encoding(text))
        return make_error(std::string("the file is ") + wide + ", not UTF-8: save it as UTF-8", source, "text.not_utf8");
    const auto bad = invalid_utf8_at(text);
    if (!bad) return std::nullopt;
    size_t line = 1, column = 1;
    for (size_t i = 0; i < *bad; ++i) {
        if (text[i] == '\n') ++line, column = 1;
        else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;  // count characters, not bytes
    }
    char what[160];
    std::snprintf(what, sizeof what, "not UTF-8: byte 0x%02X at offset %zu is not valid UTF-8 (a Latin-1 or GBK file?); save it as UTF-8",
                  static_cast<unsigned char>(text[*bad]), *bad);
    return make_error(what, source + ":" + std::to_string(line) + ":" + std::to_string(column), "text.not_utf8");
}

std::string printable(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (size_t i = 0; i < raw.size();) {
        const unsigned char c = static_cast<unsigned char>(raw[i]);
        const size_t n = sequence_length(raw, i);
        if (n == 0 || c < 0x20 || c == 0x7F) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02X", c);
            out += hex;
            ++i;
            continue;
        }
        out.append(raw.substr(i, n));
        i += n;
    }
    return out;
}

std::string metres(double m) {
    char text[32];
    std::snprintf(text, sizeof text, m >= 1000 ? "%.1f km" : "%.0f m", m >= 1000 ? m / 1000 : m);
    return text;
}

}  // namespace lowsky
