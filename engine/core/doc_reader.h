#pragma once
// Reading a JSON document into typed values while collecting every problem with its JSON
// path: errors (the value cannot be used) and warnings (unknown members). Nothing throws.

#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/json_read.h"
#include "geo/geo_types.h"

namespace lowsky {

class DocReader {
public:
    std::vector<Error> errors;
    std::vector<Error> warnings;

    void error(const std::string& path, const std::string& message) { errors.push_back({message, path}); }
    void warning(const std::string& path, const std::string& message) { warnings.push_back({message, path}); }

    // Each accessor records an error and returns nullopt when the member is missing (and
    // required), of the wrong type or out of range.
    bool is_object(const Json& v, const std::string& path);
    const Json* member(const Json& obj, const std::string& path, const char* key, bool required = true);
    std::optional<double> number(const Json& obj, const std::string& path, const char* key, double lo, double hi);
    double number_or(const Json& obj, const std::string& path, const char* key, double lo, double hi, double fallback);
    std::optional<int> integer(const Json& obj, const std::string& path, const char* key, int lo, int hi);
    std::optional<std::string> string(const Json& obj, const std::string& path, const char* key);  // non-empty
    std::string string_or(const Json& obj, const std::string& path, const char* key, const std::string& fallback);
    const Json* array(const Json& obj, const std::string& path, const char* key, bool required = true);
    std::vector<std::string> string_list(const Json& obj, const std::string& path, const char* key, bool required);
    std::optional<GeoPoint> position(const Json& value, const std::string& path);  // {"lat_deg", "lon_deg"}

    template <typename E>
    std::optional<E> enumeration(const Json& obj, const std::string& path, const char* key,
                                 std::initializer_list<std::pair<const char*, E>> names);

    // Warns about members not in `known`.
    void unknown_members(const Json& obj, const std::string& path, std::initializer_list<const char*> known);

    static std::string at(const std::string& path, const char* key) { return path + "." + key; }
    static std::string at(const std::string& path, size_t index) { return path + "[" + std::to_string(index) + "]"; }
};

template <typename E>
std::optional<E> DocReader::enumeration(const Json& obj, const std::string& path, const char* key,
                                        std::initializer_list<std::pair<const char*, E>> names) {
    const Json* v = member(obj, path, key);
    if (!v) return std::nullopt;
    if (v->is_string()) {
        const std::string s = v->get<std::string>();
        for (const auto& [name, value] : names) if (s == name) return value;
    }
    std::string expected;
    for (const auto& [name, value] : names) expected += std::string(expected.empty() ? "" : ", ") + "\"" + name + "\"";
    error(at(path, key), "expected one of " + expected + ", found " + v->dump());
    return std::nullopt;
}

}  // namespace lowsky
