#include "gshhg_bins.h"

#include <netcdf.h>

#include <algorithm>
#include <cstdint>

namespace lowsky::tools {

namespace {

constexpr int kMaxDelta = 65535;  // bin-relative coordinates run 0..65535 across a bin

struct Segment {
    int level = 0, entry = 4, exit = 4;  // sides: 0 south, 1 east, 2 north, 3 west, 4 none (closed)
    std::vector<std::pair<int, int>> pts;  // bin-relative (x east, y north)
};

// Where along a side a point lies, counting counter-clockwise around the bin.
int position_on_side(int side, int x, int y) {
    switch (side) {
        case 0: return x;
        case 1: return y;
        case 2: return kMaxDelta - x;
        default: return kMaxDelta - y;
    }
}

// The corner reached at the end of each side going counter-clockwise, and its node index in
// the bin's corner levels (0 south-west, 1 south-east, 2 north-east, 3 north-west).
const std::pair<int, int> kCornerAtEndOfSide[4] = {{kMaxDelta, 0}, {kMaxDelta, kMaxDelta}, {0, kMaxDelta}, {0, 0}};
int node_at_end_of_side(int side) { return (side + 1) % 4; }

struct SideEntry {
    int pos;
    int id;  // segment index, or -1 for the side's end corner
};

// Joins the segments that cross the bin's edges into closed rings around the land (their
// orientation keeps land on the left), walking counter-clockwise along the bin border from
// each segment's exit to the next entry. Interior (closed) segments are rings as they are.
Result<std::vector<std::pair<int, std::vector<std::pair<int, int>>>>> assemble_bin(std::vector<Segment>& segs, int node_level[4]) {
    std::vector<std::pair<int, std::vector<std::pair<int, int>>>> rings;  // (level, points)

    int high_seg_level = -1;
    int crossing = 0;
    for (const auto& s : segs) {
        if (s.entry == 4) continue;
        ++crossing;
        high_seg_level = std::max(high_seg_level, s.level);
    }
    int high_level = 0;
    for (int k = 0; k < 4; ++k) {
        if (crossing > 0) node_level[k] = std::min(node_level[k], high_seg_level);
        high_level = std::max(high_level, node_level[k]);
    }
    const bool dry = high_level % 2 == 1;

    if (crossing == 0 && dry) {  // the whole bin is land (or an island in a lake)
        rings.push_back({node_level[0], {{0, 0}, {kMaxDelta, 0}, {kMaxDelta, kMaxDelta}, {0, kMaxDelta}}});
    }

    std::vector<SideEntry> sides[4];
    for (int s = 0; s < 4; ++s) sides[s].push_back({kMaxDelta, -1});
    for (int i = 0; i < int(segs.size()); ++i) {
        const auto& s = segs[i];
        if (s.entry == 4) continue;
        if (s.entry > 3 || s.exit > 3 || s.pts.empty()) return make_error("segment with invalid entry or exit side");
        sides[s.entry].push_back({position_on_side(s.entry, s.pts.front().first, s.pts.front().second), i});
    }
    for (auto& side : sides) {
        std::stable_sort(side.begin(), side.end(), [](const SideEntry& a, const SideEntry& b) { return a.pos < b.pos; });
    }

    int remaining = crossing;
    while (remaining > 0) {
        int start_side = -1;
        for (int s = 0; s < 4 && start_side < 0; ++s) {
            if (!sides[s].empty() && sides[s][0].id >= 0) start_side = s;
        }
        if (start_side < 0) return make_error("segments left over with no entry point");
        const int first_id = sides[start_side][0].id;
        const int first_pos = sides[start_side][0].pos;

        std::vector<std::pair<int, int>> ring = segs[first_id].pts;
        int low_level = segs[first_id].level;
        int side = segs[first_id].exit;
        int pos = position_on_side(side, ring.back().first, ring.back().second);
        bool closed = false;
        for (int guard = 0; !closed; ++guard) {
            if (guard > 100000) return make_error("ring assembly does not close");
            auto& entries = sides[side];
            auto it = std::find_if(entries.begin(), entries.end(), [&](const SideEntry& e) { return e.pos >= pos; });
            if (it == entries.end()) return make_error("no entry or corner left on a side");
            const SideEntry found = *it;
            if (found.id == first_id && side == start_side && found.pos == first_pos) {
                entries.erase(it);
                --remaining;
                closed = true;
            } else if (found.id < 0) {
                entries.erase(it);
                ring.push_back(kCornerAtEndOfSide[side]);
                low_level = std::min(low_level, node_level[node_at_end_of_side(side)]);
                side = (side + 1) % 4;
                pos = 0;
            } else {
                entries.erase(it);
                --remaining;
                const Segment& s = segs[found.id];
                ring.insert(ring.end(), s.pts.begin(), s.pts.end());
                low_level = std::min(low_level, s.level);
                side = s.exit;
                pos = position_on_side(side, ring.back().first, ring.back().second);
            }
        }
        // A walk around land that touched open water corners is still land: level 1, 3.
        const int level = 2 * ((std::max(low_level, 1) - 1) / 2) + 1;
        rings.push_back({level, std::move(ring)});
    }

    for (auto& s : segs) {
        if (s.entry == 4) rings.push_back({s.level, s.pts});
    }
    return rings;
}

struct NcFile {
    int id = -1;
    ~NcFile() { if (id >= 0) nc_close(id); }
};

template <typename T, typename Get>
Result<std::vector<T>> read_var(int nc, const char* name, size_t start, size_t count, Get get) {
    int var;
    if (nc_inq_varid(nc, name, &var) != NC_NOERR) return make_error(std::string("variable missing: ") + name);
    std::vector<T> out(count);
    if (count == 0) return out;
    if (get(nc, var, &start, &count, out.data()) != NC_NOERR) return make_error(std::string("cannot read ") + name);
    return out;
}

int read_scalar_int(int nc, const char* name) {
    int var, value = 0;
    if (nc_inq_varid(nc, name, &var) != NC_NOERR) return -1;
    size_t index = 0;
    if (nc_get_var1_int(nc, var, &index, &value) != NC_NOERR) return -1;
    return value;
}

}  // namespace

Result<GshhgExtract> extract_gshhg(const std::string& path, BinRange range) {
    NcFile file;
    if (nc_open(path.c_str(), NC_NOWRITE, &file.id) != NC_NOERR) return make_error("cannot open netCDF file", path);
    const int nc = file.id;
    const int bin_minutes = read_scalar_int(nc, "Bin_size_in_minutes");
    const int nx = read_scalar_int(nc, "N_bins_in_360_longitude_range");
    const int n_bins = read_scalar_int(nc, "N_bins_in_file");
    if (bin_minutes != 60 || nx != 360 || n_bins != 64800)
        return make_error("expected 1-degree bins (the full-resolution file)", path);

    GshhgExtract out;
    size_t version_len = 0;
    if (nc_inq_attlen(nc, NC_GLOBAL, "version", &version_len) == NC_NOERR) {
        out.version.resize(version_len);
        nc_get_att_text(nc, NC_GLOBAL, "version", out.version.data());
        out.version.erase(std::find(out.version.begin(), out.version.end(), '\0'), out.version.end());
    }

    auto bin_info = read_var<short>(nc, "Embedded_node_levels_in_a_bin", 0, size_t(n_bins), nc_get_vara_short);
    auto bin_nseg = read_var<short>(nc, "N_segments_in_a_bin", 0, size_t(n_bins), nc_get_vara_short);
    auto bin_first = read_var<int>(nc, "Id_of_first_segment_in_a_bin", 0, size_t(n_bins), nc_get_vara_int);
    if (!bin_info) return bin_info.error();
    if (!bin_nseg) return bin_nseg.error();
    if (!bin_first) return bin_first.error();

    for (int lat_sw = range.south_deg; lat_sw < range.north_deg; ++lat_sw) {
        for (int lon_sw = range.west_deg; lon_sw < range.east_deg; ++lon_sw) {
            const int row = 89 - lat_sw;  // rows count from the north
            const int b = row * nx + lon_sw;
            int node_level[4];
            const int shifts[4] = {9, 6, 3, 0};
            for (int k = 0; k < 4; ++k) node_level[k] = (uint16_t(bin_info.value()[b]) >> shifts[k]) & 7;

            const size_t nseg = size_t(bin_nseg.value()[b]);
            const size_t first = size_t(bin_first.value()[b]);
            auto info = read_var<int>(nc, "Embedded_npts_levels_exit_entry_for_a_segment", first, nseg, nc_get_vara_int);
            auto start = read_var<int>(nc, "Id_of_first_point_in_a_segment", first, nseg, nc_get_vara_int);
            if (!info) return info.error();
            if (!start) return start.error();

            std::vector<Segment> segs(nseg);
            for (size_t s = 0; s < nseg; ++s) {
                const int v = info.value()[s];
                segs[s].exit = v & 7;
                segs[s].entry = (v >> 3) & 7;
                segs[s].level = (v >> 6) & 7;
                const size_t npts = size_t(v >> 9);
                auto dx = read_var<short>(nc, "Relative_longitude_from_SW_corner_of_bin", size_t(start.value()[s]), npts, nc_get_vara_short);
                auto dy = read_var<short>(nc, "Relative_latitude_from_SW_corner_of_bin", size_t(start.value()[s]), npts, nc_get_vara_short);
                if (!dx) return dx.error();
                if (!dy) return dy.error();
                for (size_t i = 0; i < npts; ++i) segs[s].pts.push_back({uint16_t(dx.value()[i]), uint16_t(dy.value()[i])});
            }

            auto rings = assemble_bin(segs, node_level);
            if (!rings) return make_error(rings.error().message, "bin " + std::to_string(lon_sw) + "E " + std::to_string(lat_sw) + "N");
            for (auto& [level, pts] : rings.value()) {
                if (pts.size() > 1 && pts.front() == pts.back()) pts.pop_back();
                if (pts.size() < 3) continue;
                BasemapRing ring;
                ring.level = uint8_t(std::clamp(level, 1, 4));
                ring.source = RingSource::Gshhg;
                for (const auto& [x, y] : pts) ring.points.push_back({lat_sw + y / double(kMaxDelta), lon_sw + x / double(kMaxDelta)});
                out.rings.push_back(std::move(ring));
            }
        }
    }
    return out;
}

Result<std::vector<BasemapLine>> extract_gshhg_lines(const std::string& path, BinRange range, LineKind kind, const std::vector<int>& levels) {
    NcFile file;
    if (nc_open(path.c_str(), NC_NOWRITE, &file.id) != NC_NOERR) return make_error("cannot open netCDF file", path);
    const int nc = file.id;
    const int nx = read_scalar_int(nc, "N_bins_in_360_longitude_range");
    const int n_bins = read_scalar_int(nc, "N_bins_in_file");
    if (read_scalar_int(nc, "Bin_size_in_minutes") != 60 || nx != 360 || n_bins != 64800)
        return make_error("expected 1-degree bins (the full-resolution file)", path);
    auto bin_nseg = read_var<short>(nc, "N_segments_in_a_bin", 0, size_t(n_bins), nc_get_vara_short);
    auto bin_first = read_var<int>(nc, "Id_of_first_segment_in_a_bin", 0, size_t(n_bins), nc_get_vara_int);
    if (!bin_nseg) return bin_nseg.error();
    if (!bin_first) return bin_first.error();
    std::vector<BasemapLine> lines;
    for (int lat_sw = range.south_deg; lat_sw < range.north_deg; ++lat_sw) {
        for (int lon_sw = range.west_deg; lon_sw < range.east_deg; ++lon_sw) {
            const int b = (89 - lat_sw) * nx + lon_sw;
            const size_t nseg = size_t(bin_nseg.value()[b]), first = size_t(bin_first.value()[b]);
            // The line files keep each segment's size and level in variables of their own.
            auto sizes = read_var<short>(nc, "N_points_for_a_segment", first, nseg, nc_get_vara_short);
            auto level_of = read_var<short>(nc, "Hierarchial_level_of_a_segment", first, nseg, nc_get_vara_short);  // sic
            auto start = read_var<int>(nc, "Id_of_first_point_in_a_segment", first, nseg, nc_get_vara_int);
            if (!sizes) return sizes.error();
            if (!level_of) return level_of.error();
            if (!start) return start.error();
            for (size_t s = 0; s < nseg; ++s) {
                const int level = level_of.value()[s];
                const size_t npts = size_t(uint16_t(sizes.value()[s]));
                if (npts < 2 || std::find(levels.begin(), levels.end(), level) == levels.end()) continue;
                auto dx = read_var<short>(nc, "Relative_longitude_from_SW_corner_of_bin", size_t(start.value()[s]), npts, nc_get_vara_short);
                auto dy = read_var<short>(nc, "Relative_latitude_from_SW_corner_of_bin", size_t(start.value()[s]), npts, nc_get_vara_short);
                if (!dx) return dx.error();
                if (!dy) return dy.error();
                BasemapLine line;
                line.kind = kind;
                line.level = uint8_t(level);
                for (size_t i = 0; i < npts; ++i)
                    line.points.push_back({lat_sw + uint16_t(dy.value()[i]) / double(kMaxDelta), lon_sw + uint16_t(dx.value()[i]) / double(kMaxDelta)});
                lines.push_back(std::move(line));
            }
        }
    }
    return lines;
}

}  // namespace lowsky::tools
