#pragma once
// JSON reading that never throws: syntax errors come back with line and column, shape errors
// with the JSON path of the offending value ("$.places[3].lat_deg").

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace lowsky {

using Json = nlohmann::json;

constexpr size_t kMaxJsonBytes = 64u << 20;  // 64 MiB: far above any scenario or mission
constexpr size_t kMaxJsonDepth = 64;         // our documents nest 6 levels at most

// Parses text; a syntax error names source:line:column. Oversized or absurdly deep input is
// refused before parsing.
Result<Json> parse_json_text(std::string_view text, const std::string& source);

// Typed access to a member of an object, with the path for messages. Each returns an error
// when the member is missing (where required) or of the wrong type.
class JsonObjectReader {
public:
    JsonObjectReader(const Json& object, std::string path) : object_(object), path_(std::move(path)) {}

    const std::string& path() const { return path_; }
    std::string member_path(const std::string& key) const { return path_ + "." + key; }
    bool has(const std::string& key) const { return object_.is_object() && object_.contains(key); }

    Result<double> number(const std::string& key) const;                 // finite number, required
    Result<double> number_in(const std::string& key, double lo, double hi) const;
    Result<std::string> string(const std::string& key) const;            // required
    Result<const Json*> array(const std::string& key) const;             // required
    Result<const Json*> object(const std::string& key) const;            // required
    const Json* member_value(const std::string& key) const {             // as it is, or null when absent
        if (!has(key)) return nullptr;
        return &*object_.find(key);
    }

private:
    Result<const Json*> member(const std::string& key) const;

    const Json& object_;
    std::string path_;
};

const char* json_type_name(const Json& value);

}  // namespace lowsky
