#include "airspace/jurisdiction.h"

#include <algorithm>

namespace lowsky {

namespace {

#include "airspace/jurisdiction_outlines.inc"

const std::vector<GeoPoint>& outline_of(Jurisdiction j) {
    static const std::vector<GeoPoint> none, hong_kong(std::begin(kHongKongOutline), std::end(kHongKongOutline)),
        macau(std::begin(kMacauOutline), std::end(kMacauOutline));
    return j == Jurisdiction::HongKong ? hong_kong : j == Jurisdiction::Macau ? macau : none;
}

bool inside(const std::vector<GeoPoint>& ring, GeoPoint p) {
    bool in = false;
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const GeoPoint a = ring[i], b = ring[j];
        if ((a.lat_deg > p.lat_deg) != (b.lat_deg > p.lat_deg) &&
            p.lon_deg < (b.lon_deg - a.lon_deg) * (p.lat_deg - a.lat_deg) / (b.lat_deg - a.lat_deg) + a.lon_deg)
            in = !in;
    }
    return in;
}

// Where segment p-q meets the ring's edges: the fractions along p-q.
void crossings_with(const std::vector<GeoPoint>& ring, GeoPoint p, GeoPoint q, std::vector<double>& out) {
    const double dx = q.lon_deg - p.lon_deg, dy = q.lat_deg - p.lat_deg;
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const GeoPoint a = ring[j], b = ring[i];
        const double ex = b.lon_deg - a.lon_deg, ey = b.lat_deg - a.lat_deg;
        const double denom = dx * ey - dy * ex;
        if (denom == 0) continue;  // parallel
        const double t = ((a.lon_deg - p.lon_deg) * ey - (a.lat_deg - p.lat_deg) * ex) / denom;
        const double u = ((a.lon_deg - p.lon_deg) * dy - (a.lat_deg - p.lat_deg) * dx) / denom;
        if (t > 0 && t < 1 && u >= 0 && u < 1) out.push_back(t);
    }
}

GeoPoint lerp(GeoPoint p, GeoPoint q, double t) { return {p.lat_deg + (q.lat_deg - p.lat_deg) * t, p.lon_deg + (q.lon_deg - p.lon_deg) * t}; }

}  // namespace

const std::vector<GeoPoint>& jurisdiction_outline(Jurisdiction j) { return outline_of(j); }

Jurisdiction jurisdiction_at(GeoPoint p) {
    for (Jurisdiction j : {Jurisdiction::HongKong, Jurisdiction::Macau})
        if (inside(outline_of(j), p)) return j;
    return Jurisdiction::Mainland;
}

std::vector<BorderCrossing> border_crossings(const std::vector<GeoPoint>& line) {
    std::vector<BorderCrossing> out;
    for (size_t k = 0; k + 1 < line.size(); ++k) {
        std::vector<double> ts;
        for (Jurisdiction j : {Jurisdiction::HongKong, Jurisdiction::Macau}) crossings_with(outline_of(j), line[k], line[k + 1], ts);
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
