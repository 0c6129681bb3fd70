#include "core/doc_reader.h"

#include <algorithm>
#include <cmath>

namespace lowsky {

namespace {
std::string shown(const Json& v) {
    std::string s = v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return s.size() > 40 ? s.substr(0, 37) + "..." : s;
}
}  // namespace

bool DocReader::is_object(const Json& v, const std::string& path) {
    if (v.is_object()) return true;
    error(path, std::string("expected an object, found ") + json_type_name(v));
    return false;
}

const Json* DocReader::member(const Json& obj, const std::string& path, const char* key, bool required) {
    if (!obj.is_object()) return nullptr;
    auto it = obj.find(key);
    if (it == obj.end()) {
        if (required) error(at(path, key), "required member is missing");
        return nullptr;
    }
    return &*it;
}

std::optional<double> DocReader::number(const Json& obj, const std::string& path, const char* key, double lo, double hi) {
    const Json* v = member(obj, path, key);
    if (!v) return std::nullopt;
    if (!v->is_number()) {
        error(at(path, key), std::string("expected a number, found ") + json_type_name(*v));
        return std::nullopt;
    }
    const double d = v->get<double>();
    if (!std::isfinite(d) || d < lo || d > hi) {
        error(at(path, key), "value " + shown(*v) + " is outside [" + Json(lo).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + ", " + Json(hi).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "]");
        return std::nullopt;
    }
    return d;
}

double DocReader::number_or(const Json& obj, const std::string& path, const char* key, double lo, double hi, double fallback) {
    if (!member(obj, path, key, false)) return fallback;
    return number(obj, path, key, lo, hi).value_or(fallback);
}

std::optional<int> DocReader::integer(const Json& obj, const std::string& path, const char* key, int lo, int hi) {
    const Json* v = member(obj, path, key);
    if (!v) return std::nullopt;
    if (!v->is_number_integer() && !(v->is_number_float() && std::floor(v->get<double>()) == v->get<double>())) {
        error(at(path, key), std::string("expected a whole number, found ") + (v->is_number() ? shown(*v) : json_type_name(*v)));
        return std::nullopt;
    }
    const double d = v->get<double>();
    if (d < lo || d > hi) {
        error(at(path, key), "value " + shown(*v) + " is outside [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
        return std::nullopt;
    }
    return int(d);
}

std::optional<std::string> DocReader::string(const Json& obj, const std::string& path, const char* key) {
    const Json* v = member(obj, path, key);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
        error(at(path, key), std::string("expected a string, found ") + json_type_name(*v));
        return std::nullopt;
    }
    std::string s = v->get<std::string>();
    if (s.empty()) {
        error(at(path, key), "must not be empty");
        return std::nullopt;
    }
    return s;
}

std::string DocReader::string_or(const Json& obj, const std::string& path, const char* key, const std::string& fallback) {
    const Json* v = member(obj, path, key, false);
    if (!v) return fallback;
    if (!v->is_string()) {
        error(at(path, key), std::string("expected a string, found ") + json_type_name(*v));
        return fallback;
    }
    return v->get<std::string>();
}

const Json* DocReader::array(const Json& obj, const std::string& path, const char* key, bool required) {
    const Json* v = member(obj, path, key, required);
    if (!v) return nullptr;
    if (!v->is_array()) {
        error(at(path, key), std::string("expected an array, found ") + json_type_name(*v));
        return nullptr;
    }
    return v;
}

std::vector<std::string> DocReader::string_list(const Json& obj, const std::string& path, const char* key, bool required) {
    std::vector<std::string> out;
    const Json* list = array(obj, path, key, required);
    if (!list) return out;
    for (size_t i = 0; i < list->size(); ++i) {
        const Json& v = (*list)[i];
        if (!v.is_string() || v.get<std::string>().empty()) {
            error(at(at(path, key), i), std::string("expected a non-empty string, found ") + json_type_name(v));
            continue;
        }
        out.push_back(v.get<std::string>());
    }
    return out;
}

std::optional<GeoPoint> DocReader::position(const Json& value, const std::string& path) {
    if (!is_object(value, path)) return std::nullopt;
    unknown_members(value, path, {"lat_deg", "lon_deg"});
    const auto lat = number(value, path, "lat_deg", -90, 90);
    const auto lon = number(value, path, "lon_deg", -180, 180);
    if (!lat || !lon) return std::nullopt;
    return GeoPoint{*lat, *lon};
}

void DocReader::unknown_members(const Json& obj, const std::string& path, std::initializer_list<const char*> known) {
    if (!obj.is_object()) return;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const bool is_known = std::any_of(known.begin(), known.end(), [&](const char* k) { return it.key() == k; });
        if (!is_known) warning(path + "." + it.key(), "unknown member, ignored");
    }
}

}  // namespace lowsky
