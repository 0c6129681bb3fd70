#include "airspace/jurisdiction.h"

#include <algorithm>

namespace lowsky {

namespace {

#include "airspace/jurisdiction_outlines.inc"

// An outline with the bounds of each run of its edges, so that a point or a segment far from
// a run skips it. The skips are exact: a run that cannot change the answer is the only one left
// out (see inside and crossings_with).
struct Outline {
    struct Run {
        size_t first = 0, last = 0;  // edges first..last-1; edge i joins points i-1 and i
        double south = 0, north = 0, west = 0, east = 0;
    };
    std::vector<GeoPoint> ring;
    std::vector<Run> runs;

    template <size_t N>
    explicit Outline(const GeoPoint (&points)[N]) : ring(std::begin(points), std::end(points)) {
        constexpr size_t kRun = 16;
        for (size_t first = 0; first < ring.size(); first += kRun) {
            Run run{first, std::min(first + kRun, ring.size())};
            const GeoPoint start = ring[first == 0 ? ring.size() - 1 : first - 1];
            run.south = run.north = start.lat_deg;
            run.west = run.east = start.lon_deg;
            for (size_t i = run.first; i < run.last; ++i) {
                run.south = std::min(run.south, ring[i].lat_deg);
                run.north = std::max(run.north, ring[i].lat_deg);
                run.west = std::min(run.west, ring[i].lon_deg);
                run.east = std::max(run.east, ring[i].lon_deg);
            }
            runs.push_back(run);
        }
    }
};

const Outline& outline_data(Jurisdiction j) {
    static const Outline hong_kong(kHongKongOutline), macau(kMacauOutline);
    return j == Jurisdiction::HongKong ? hong_kong : macau;
}

const std::vector<GeoPoint>& outline_of(Jurisdiction j) {
    static const std::vector<GeoPoint> none;
    return j == Jurisdiction::Mainland ? none : outline_data(j).ring;
}

// Even-odd crossing test. A run whose latitudes all lie on one side of the point's (all above,
// or all at or below) has no edge that straddles it, so it cannot toggle the answer.
bool inside(const Outline& outline, GeoPoint p) {
    const std::vector<GeoPoint>& ring = outline.ring;
    bool in = false;
    for (const Outline::Run& run : outline.runs) {
        if (run.south > p.lat_deg || run.north <= p.lat_deg) continue;
        for (size_t i = run.first; i < run.last; ++i) {
            const GeoPoint a = ring[i], b = ring[i == 0 ? ring.size() - 1 : i - 1];
            if ((a.lat_deg > p.lat_deg) != (b.lat_deg > p.lat_deg) &&
                p.lon_deg < (b.lon_deg - a.lon_deg) * (p.lat_deg - a.lat_deg) / (b.lat_deg - a.lat_deg) + a.lon_deg)
                in = !in;
        }
    }
    return in;
}

// Where segment p-q meets the outline's edges: the fractions along p-q, in the edges' order. A
// run whose bounds the segment's do not touch (with a margin far above rounding) has no
// crossing with it.
void crossings_with(const Outline& outline, GeoPoint p, GeoPoint q, std::vector<double>& out) {
    constexpr double kMargin_deg = 1e-9;
    const double south = std::min(p.lat_deg, q.lat_deg) - kMargin_deg, north = std::max(p.lat_deg, q.lat_deg) + kMargin_deg;
    const double west = std::min(p.lon_deg, q.lon_deg) - kMargin_deg, east = std::max(p.lon_deg, q.lon_deg) + kMargin_deg;
    const std::vector<GeoPoint>& ring = outline.ring;
    const double dx = q.lon_deg - p.lon_deg, dy = q.lat_deg - p.lat_deg;
    for (const Outline::Run& run : outline.runs) {
        if (run.south > north || run.north < south || run.west > east || run.east < west) continue;
        for (size_t i = run.first; i < run.last; ++i) {
            const GeoPoint a = ring[i == 0 ? ring.size() - 1 : i - 1], b = ring[i];
            const double ex = b.lon_deg - a.lon_deg, ey = b.lat_deg - a.lat_deg;
            const double denom = dx * ey - dy * ex;
            if (denom == 0) continue;  // parallel
            const double t = ((a.lon_deg - p.lon_deg) * ey - (a.lat_deg - p.lat_deg) * ex) / denom;
            const double u = ((a.lon_deg - p.lon_deg) * dy - (a.lat_deg - p.lat_deg) * dx) / denom;
            if (t > 0 && t < 1 && u >= 0 && u < 1) out.push_back(t);
        }
    }
}

GeoPoint lerp(GeoPoint p, GeoPoint q, double t) { return {p.lat_deg + (q.lat_deg - p.lat_deg) * t, p.lon_deg + (q.lon_deg - p.lon_deg) * t}; }

}  // namespace

const std::vector<GeoPoint>& jurisdiction_outline(Jurisdiction j) { return outline_of(j); }

Jurisdiction jurisdiction_at(GeoPoint p) {
    for (Jurisdiction j : {Jurisdiction::HongKong, Jurisdiction::Macau})
        if (inside(outline_data(j), p)) return j;
    return Jurisdiction::Mainland;
}

std::vector<BorderCrossing> border_crossings(const std::vector<GeoPoint>& line) {
    std::vector<BorderCrossing> out;
    for (size_t k = 0; k + 1 < line.size(); ++k) {
        std::vector<double> ts;
        for (Jurisdiction j : {Jurisdiction::HongKong, Jurisdiction::Macau}) crossings_with(outline_data(j), line[k], line[k + 1], ts);
        std::sort(ts.begin(), ts.end());
        Jurisdiction here = jurisdiction_at(line[k]);
        for (size_t i = 0; i < ts.size(); ++i) {
            // The jurisdiction just past the crossing: the middle of the way to the next one.
            const double next = i + 1 < ts.size() ? ts[i + 1] : 1.0;
            const Jurisdiction there = jurisdiction_at(lerp(line[k], line[k + 1], (ts[i] + next) / 2));
            if (there != here) out.push_back({k, ts[i], lerp(line[k], line[k + 1], ts[i]), here, there});
            here = there;
        }
    }
    return out;
}

std::vector<JurisdictionStretch> jurisdiction_stretches(const std::vector<GeoPoint>& line) {
    std::vector<JurisdictionStretch> out;
    if (line.empty()) return out;
    out.push_back({jurisdiction_at(line.front()), {line.front()}});
    const std::vector<BorderCrossing> crossings = border_crossings(line);
    size_t c = 0;
    for (size_t k = 0; k + 1 < line.size(); ++k) {
        for (; c < crossings.size() && crossings[c].segment == k; ++c) {
            out.back().points.push_back(crossings[c].at);
            out.push_back({crossings[c].to, {crossings[c].at}});
        }
        out.back().points.push_back(line[k + 1]);
    }
    return out;
}

const char* jurisdiction_name(Jurisdiction j) {
    switch (j) {
        case Jurisdiction::HongKong: return "Hong Kong";
        case Jurisdiction::Macau: return "Macau";
        default: return "the mainland";
    }
}

}  // namespace lowsky
