#pragma once
// A small, strict XML reader for KML: elements, attributes, text, CDATA, comments and the
// predefined and numeric entities. No DTDs (refused: no entity expansion attacks), a depth
// limit, and errors with line:column. Namespaces are kept as written ("kml:Placemark").

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace lowsky {

struct XmlElement {
    std::string name;
    std::vector<std::pair<std::string, std::string>> attributes;
    std::vector<std::unique_ptr<XmlElement>> children;
    std::string text;  // all character data directly inside, concatenated
    int line = 0;

    // The local name, without a namespace prefix.
    std::string_view local_name() const;
    const XmlElement* child(std::string_view local) const;
    // Every descendant (depth first) with this local name.
    void find_all(std::string_view local, std::vector<const XmlElement*>& out) const;
};

constexpr size_t kMaxXmlDepth = 64;

Result<std::unique_ptr<XmlElement>> parse_xml(std::string_view text, const std::string& source);

}  // namespace lowsky
