#pragma once
// Named places and airports drawn on the map as labelled markers
// (assets/places/gba_places.json: OurAirports, GeoNames and marked estimates).

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "airspace/runway.h"
#include "geo/geo_types.h"

namespace lowsky {

enum class PlaceKind { Site, City, District };

struct Place {
    std::string id;
    std::string name;
    GeoPoint position;
    std::string quality;  // where the coordinates come from and how good they are
    std::string name_zh;  // in Chinese (simplified), where known
    PlaceKind kind = PlaceKind::Site;
};

struct Airport {
    std::string icao;
    std::string name;
    std::string name_zh;
    GeoPoint reference_point;
    std::vector<Runway> runways;  // empty where only the reference point is known
};

struct PlaceCatalog {
    std::vector<Place> places;    // the sites the seed routes serve
    std::vector<Airport> airports;
    std::vector<Place> cities;    // cities and districts, labels of the basemap (optional in the file)
};

constexpr int kPlacesFormatVersion = 1;

Result<PlaceCatalog> parse_places(std::string_view json_text, const std::string& source);

}  // namespace lowsky
