#pragma once
// What a drafted corridor must keep out of, as convex pieces in the scenario's local frame:
// zones grown by the corridor's half-width (a polygon zone cut into triangles first, so that a
// bent zone such as a bridge blocks only where it is), and the existing corridors it must keep
// its lateral separation from, grown by both half-widths and the separation. A straight line
// that stays out of every piece's inside is a centreline the validator accepts there.

#include <cstdint>
#include <string>
#include <vector>

#include "geo/planar.h"
#include "scenario/compiled_scenario.h"

namespace lowsky::assist {

// Whose piece it is: a zone (index into CompiledScenario::zones()) or a corridor (index into
// the scenario's corridors).
struct ObstacleSource {
    enum class Kind { Zone, Corridor, Jurisdiction } kind = Kind::Zone;
    size_t index = 0;  // for a jurisdiction: its Jurisdiction value
};

struct ConvexPiece {
    std::vector<LocalPoint> points;  // counter-clockwise, first not repeated
    planar::Box box;
    uint32_t source = 0;             // index into Obstacles::sources
};

// What keeps a draft out, for the request at hand.
struct ObstacleRules {
    double half_width_m = 100;
    AltitudeBand band;                  // the draft's band: zones and corridors clear of it vertically do not block
    bool allow_controlled = false;      // controlled airspace is entered under an approval
    bool avoid_restricted = true;       // restricted zones (their hours) are kept out of too
    std::vector<int> end_nodes;         // the draft's end nodes: corridors ending there may meet it in the approach radius
    double margin_m = 5;                // kept beyond the exact clearance, for rounding
    std::vector<Jurisdiction> keep_out_of;
    bool corridors = true;              // the existing corridors block too (not for free flight)  // Hong Kong or Macau, for a draft that need not cross a border
};

class Obstacles {
public:
    Obstacles(const CompiledScenario& compiled, const ObstacleRules& rules);

    const std::vector<ConvexPiece>& pieces() const { return pieces_; }
    const std::vector<ObstacleSource>& sources() const { return sources_; }
    // "zone ZGSZ-core-1 \"...\" (no-fly)", "corridor c-baoan-qianhai": for a message.
    std::string describe(uint32_t source) const;

    // Whether the open segment ab passes through the inside of a piece (touching is allowed).
    bool blocked(LocalPoint a, LocalPoint b) const;
    // The piece the segment from a toward b enters first (-1: none).
    int64_t first_hit(LocalPoint a, LocalPoint b) const;
    // The pieces whose inside holds p.
    std::vector<uint32_t> containing(LocalPoint p) const;

private:
    void add_piece(std::vector<LocalPoint> hull, uint32_t source);
    template <typename Visit>
    void along(LocalPoint a, LocalPoint b, Visit visit) const;

    const CompiledScenario& compiled_;
    std::vector<ConvexPiece> pieces_;
    std::vector<ObstacleSource> sources_;
    // A uniform grid over the pieces (their boxes), walked cell by cell along a segment.
    double cell_m_ = 2000;
    double min_e_ = 0, min_n_ = 0;
    int cols_ = 0, rows_ = 0;
    std::vector<std::vector<uint32_t>> cells_;
    mutable std::vector<uint32_t> seen_;
    mutable uint32_t stamp_ = 0;
};

// Whether the open segment ab enters the inside of a convex counter-clockwise polygon deeper
// than `tolerance_m` (a segment along an edge or through a vertex does not).
bool segment_enters_convex(LocalPoint a, LocalPoint b, const std::vector<LocalPoint>& polygon, double tolerance_m);
// ... and where along ab it does (0 to 1), or -1.
double entry_along(LocalPoint a, LocalPoint b, const std::vector<LocalPoint>& polygon, double tolerance_m);

// The convex hull of points, counter-clockwise.
std::vector<LocalPoint> convex_hull_local(std::vector<LocalPoint> points);

}  // namespace lowsky::assist
