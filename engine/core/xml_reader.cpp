#include "core/xml_reader.h"

#include "core/text.h"

#include <cstdint>

namespace lowsky {

std::string_view XmlElement::local_name() const {
    const auto colon = name.find(':');
    return colon == std::string::npos ? std::string_view(name) : std::string_view(name).substr(colon + 1);
}

const XmlElement* XmlElement::child(std::string_view local) const {
    for (const auto& c : children) if (c->local_name() == local) return c.get();
    return nullptr;
}

void XmlElement::find_all(std::string_view local, std::vector<const XmlElement*>& out) const {
    // Iterative, so that the depth of a document never reaches the stack.
    std::vector<const XmlElement*> stack{this};
    while (!stack.empty()) {
        const XmlElement* e = stack.back();
        stack.pop_back();
        if (e->local_name() == local) out.push_back(e);
        for (size_t i = e->children.size(); i-- > 0;) stack.push_back(e->children[i].get());
    }
}

namespace {

class Parser {
public:
    Parser(std::string_view text, const std::string& source) : s_(text), source_(source) {}

    Result<std::unique_ptr<XmlElement>> run() {
        skip_misc();
        if (failed()) return error_;
        if (pos_ >= s_.size() || s_[pos_] != '<') return fail("expected the root element");
        auto root = std::make_unique<XmlElement>();
        if (!element(*root, 0)) return error_;
        skip_misc();
        if (failed()) return error_;
        if (pos_ != s_.size()) return fail("content after the root element");
        return root;
    }

private:
    bool failed() const { return !error_.message.empty(); }
    Error fail(const std::string& message) {
        size_t line = 1, col = 1;
        for (size_t i = 0; i < pos_ && i < s_.size(); ++i) {
            if (s_[i] == '\n') { ++line; col = 1; } else { ++col; }
        }
        error_ = make_error(message, source_ + ":" + std::to_string(line) + ":" + std::to_string(col));
        return error_;
    }
    bool starts(std::string_view t) const { return s_.substr(pos_, t.size()) == t; }
    // Counts lines incrementally: positions only move forwards.
    int line_here() {
        for (; counted_ < pos_ && counted_ < s_.size(); ++counted_) line_ += s_[counted_] == '\n';
        return line_;
    }
    void skip_space() { while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) ++pos_; }

    // Prolog, comments and processing instructions around the root.
    void skip_misc() {
        for (;;) {
            skip_space();
            if (starts("<?")) {
                const auto end = s_.find("?>", pos_);
                if (end == std::string_view::npos) { fail("unterminated processing instruction"); return; }
                pos_ = end + 2;
            } else if (starts("<!--")) {
                const auto end = s_.find("-->", pos_);
                if (end == std::string_view::npos) { fail("unterminated comment"); return; }
                pos_ = end + 3;
            } else if (starts("<!DOCTYPE") || starts("<!ENTITY")) {
                fail("document type declarations are not accepted");
                return;
            } else {
                return;
            }
        }
    }

    bool name(std::string& out) {
        const size_t start = pos_;
        while (pos_ < s_.size()) {
            const char c = s_[pos_];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/' || c == '>' || c == '=' || c == '<' || c == '"' || c == '\'') break;
            ++pos_;
        }
        if (pos_ == start) { fail("expected a name"); return false; }
        out.assign(s_.substr(start, pos_ - start));
        return true;
    }

    // Decodes character data up to `stop` (not included), resolving entities.
    bool decode(std::string_view raw, std::string& out) {
        for (size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] != '&') {  // the run up to the next reference, in one append
                const size_t amp = raw.find('&', i);
                const size_t stop = amp == std::string_view::npos ? raw.size() : amp;
                out.append(raw.data() + i, stop - i);
                i = stop - 1;
                continue;
            }
            const auto semi = raw.find(';', i);
            if (semi == std::string_view::npos || semi - i > 12) { fail("bad entity reference"); return false; }
            const std::string_view ent = raw.substr(i + 1, semi - i - 1);
            if (ent == "amp") out += '&';
            else if (ent == "lt") out += '<';
            else if (ent == "gt") out += '>';
            else if (ent == "quot") out += '"';
            else if (ent == "apos") out += '\'';
            else if (!ent.empty() && ent[0] == '#') {
                uint32_t code = 0;
                const bool hex = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X');
                for (size_t k = hex ? 2 : 1; k < ent.size(); ++k) {
                    const char c = ent[k];
                    const int digit = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                    if (digit < 0 || code > 0x10FFFF) { fail("bad character reference"); return false; }
                    code = code * (hex ? 16 : 10) + uint32_t(digit);
                }
                if (code == 0 || code > 0x10FFFF) { fail("bad character reference"); return false; }
                if (code < 0x80) out += char(code);
                else if (code < 0x800) { out += char(0xC0 | (code >> 6)); out += char(0x80 | (code & 0x3F)); }
                else if (code < 0x10000) { out += char(0xE0 | (code >> 12)); out += char(0x80 | ((code >> 6) & 0x3F)); out += char(0x80 | (code & 0x3F)); }
                else { out += char(0xF0 | (code >> 18)); out += char(0x80 | ((code >> 12) & 0x3F)); out += char(0x80 | ((code >> 6) & 0x3F)); out += char(0x80 | (code & 0x3F)); }
            } else {
                fail("unknown entity &" + std::string(ent) + ";");
                return false;
            }
            i = semi;
        }
        return true;
    }

    bool element(XmlElement& e, size_t depth) {
        if (depth >= kMaxXmlDepth) { fail("elements nest deeper than " + std::to_string(kMaxXmlDepth) + " levels"); return false; }
        e.line = line_here();
        ++pos_;  // '<'
        if (!name(e.name)) return false;
        for (;;) {
            skip_space();
            if (pos_ >= s_.size()) { fail("unterminated start tag <" + e.name + ">"); return false; }
            if (starts("/>")) { pos_ += 2; return true; }
            if (s_[pos_] == '>') { ++pos_; break; }
            std::string key;
            if (!name(key)) return false;
            skip_space();
            if (pos_ >= s_.size() || s_[pos_] != '=') { fail("expected '=' after attribute " + key); return false; }
            ++pos_;
            skip_space();
            if (pos_ >= s_.size() || (s_[pos_] != '"' && s_[pos_] != '\'')) { fail("expected a quoted attribute value"); return false; }
            const char quote = s_[pos_++];
            const auto end = s_.find(quote, pos_);
            if (end == std::string_view::npos) { fail("unterminated attribute value"); return false; }
            std::string value;
            if (!decode(s_.substr(pos_, end - pos_), value)) return false;
            e.attributes.push_back({key, value});
            pos_ = end + 1;
        }
        // Content: text, children, comments, CDATA, until the matching end tag.
        for (;;) {
            const auto lt = s_.find('<', pos_);
            if (lt == std::string_view::npos) { fail("missing </" + e.name + ">"); return false; }
            if (!decode(s_.substr(pos_, lt - pos_), e.text)) return false;
            pos_ = lt;
            if (starts("</")) {
                pos_ += 2;
                std::string closing;
                if (!name(closing)) return false;
                if (closing != e.name) { fail("</" + closing + "> closes <" + e.name + ">"); return false; }
                skip_space();
                if (pos_ >= s_.size() || s_[pos_] != '>') { fail("expected '>'"); return false; }
                ++pos_;
                return true;
            }
            if (starts("<!--")) {
                const auto end = s_.find("-->", pos_);
                if (end == std::string_view::npos) { fail("unterminated comment"); return false; }
                pos_ = end + 3;
            } else if (starts("<![CDATA[")) {
                const auto end = s_.find("]]>", pos_);
                if (end == std::string_view::npos) { fail("unterminated CDATA section"); return false; }
                e.text.append(s_.substr(pos_ + 9, end - pos_ - 9));
                pos_ = end + 3;
            } else if (starts("<?")) {
                const auto end = s_.find("?>", pos_);
                if (end == std::string_view::npos) { fail("unterminated processing instruction"); return false; }
                pos_ = end + 2;
            } else if (starts("<!")) {
                fail("document type declarations are not accepted");
                return false;
            } else {
                e.children.push_back(std::make_unique<XmlElement>());
                if (!element(*e.children.back(), depth + 1)) return false;
            }
        }
    }

    std::string_view s_;
    const std::string& source_;
    size_t pos_ = 0;
    size_t counted_ = 0;
    int line_ = 1;
    Error error_;
};

}  // namespace

Result<std::unique_ptr<XmlElement>> parse_xml(std::string_view text, const std::string& source) {
    if (text.size() > (64u << 20)) return make_error("file is larger than 64 MiB", source);
    if (auto not_utf8 = require_utf8(text, source)) return *not_utf8;
    return Parser(text, source).run();
}

}  // namespace lowsky
