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

// The member `key` of an object, or null when absent or not an object: one lookup, where
// contains() and [] make two.
inline const Json* json_member(const Json& object, std::string_view key) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}
inline Json* json_member(Json& object, std::string_view key) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

// Typed access to a member of an object, with the path for messages. Each returns an error
// when the member is missing (where required) or of the wrong type.
class JsonObjectReader {
public:
    JsonObjectReader(const Json& object, std::string path) : object_(object), path_(std::move(path)) {}
    // Element `index` of the array at `array_path` (a string that outlives the reader): its path
    // is written only for a message. Readers of thousands of items make no strings on the way.
    JsonObjectReader(const Json& object, const char* array_path, size_t index) : object_(object), array_path_(array_path), index_(index) {}

    std::string path() const;
    std::string member_path(std::string_view key) const { return path() + "." + std::string(key); }
    bool has(std::string_view key) const { return object_.is_object() && object_.contains(key); }

    Result<double> number(std::string_view key) const;                 // finite number, required
    Result<double> number_in(std::string_view key, double lo, double hi) const;
    Result<std::string> string(std::string_view key) const;            // required
    Result<const Json*> array(std::string_view key) const;             // required
    Result<const Json*> object(std::string_view key) const;            // required
    const Json* member_value(std::string_view key) const { return json_member(object_, key); }  // as it is, or null when absent

private:
    Result<const Json*> member(std::string_view key) const;

    const Json& object_;
    std::string path_;
    const char* array_path_ = nullptr;
    size_t index_ = 0;
};

const char* json_type_name(const Json& value);

}  // namespace lowsky
