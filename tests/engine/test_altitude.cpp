#include <catch2/catch.hpp>

#include "scenario/altitude.h"

using namespace lowsky;

TEST_CASE("Altitudes convert only when the ground is known", "[altitude]") {
    const Altitude relative{100, AltitudeReference::AboveTakeoff};
    GroundContext ground;
    CHECK_FALSE(convert(relative, AltitudeReference::Amsl, ground));
    ground.takeoff_elevation_m_amsl = 20;
    CHECK(convert(relative, AltitudeReference::Amsl, ground) == Approx(120));
    CHECK_FALSE(convert(relative, AltitudeReference::AboveGround, ground));  // no terrain model
    ground.terrain_elevation_m_amsl = 50;
    CHECK(convert(relative, AltitudeReference::AboveGround, ground) == Approx(70));
    CHECK(convert({120, AltitudeReference::Amsl}, AltitudeReference::AboveTakeoff, ground) == Approx(100));
}

TEST_CASE("Bands overlap, touch, keep a separation or cannot be compared", "[altitude]") {
    auto band = [](double lo, double hi, AltitudeReference r = AltitudeReference::AboveGround) {
        return AltitudeBand{{lo, r}, {hi, r}};
    };
    struct Case { AltitudeBand a, b; double separation; Overlap expected; const char* what; };
    const Case cases[] = {
        {band(60, 110), band(100, 150), 0, Overlap::Yes, "overlapping"},
        {band(60, 100), band(100, 150), 0, Overlap::No, "touching"},
        {band(60, 100), band(120, 150), 30, Overlap::Yes, "closer than the separation"},
        {band(60, 90), band(120, 150), 30, Overlap::No, "exactly the separation apart"},
        {band(120, 150), band(60, 90), 30, Overlap::No, "the other way round"},
        {band(60, 90), band(60, 90, AltitudeReference::Amsl), 0, Overlap::Unknown, "true height against AMSL without terrain"},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        CHECK(bands_overlap(c.a, c.b, c.separation, {}) == c.expected);
    }
}
