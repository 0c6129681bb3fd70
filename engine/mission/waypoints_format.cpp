#include "mission/waypoints_format.h"

#include "core/numbers.h"
#include "core/text.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace lowsky {

namespace {

constexpr const char* kHeader = "QGC WPL 110";
constexpr size_t kMaxBytes = 64u << 20;

// Fixed decimals keep the text stable across a read and a write: 7 for degrees (the 1e-7
// degree of MAVLink's integer positions), 6 for everything else. No "-0.000000".
void put_fixed(std::string& out, double v, int decimals) {
    out += '\t';
    append_fixed(out, v == 0 ? 0.0 : v, decimals);
}

void line(std::string& out, int seq, int current, int frame, int command, const std::array<double, 4>& p, double x, double y, double z,
          bool autocontinue) {
    append_integer(out, seq);
    out += '\t';
    append_integer(out, current);
    out += '\t';
    append_integer(out, frame);
    out += '\t';
    append_integer(out, command);
    for (double v : p) put_fixed(out, v, 6);
    put_fixed(out, x, 7);
    put_fixed(out, y, 7);
    put_fixed(out, z, 6);
    out += autocontinue ? "\t1\n" : "\t0\n";
}

// The parts of `s` between `sep`s, into `parts` (cleared first; reused line after line).
// memchr looks at a word at a time where a loop over bytes would not, in WebAssembly too.
void split(std::string_view s, char sep, std::vector<std::string_view>& parts) {
    parts.clear();
    const char* at = s.data();
    const char* const end = at + s.size();
    while (true) {
        const void* found = std::memchr(at, sep, size_t(end - at));
        const char* stop = found ? static_cast<const char*>(found) : end;
        parts.emplace_back(at, size_t(stop - at));
        if (!found) return;
        at = stop + 1;
    }
}

bool parse_int(std::string_view s, long& out) {
    if (s.empty() || s.size() > 18) return false;
    size_t i = s[0] == '-' ? 1 : 0;
    if (i == s.size()) return false;
    long v = 0;
    for (; i < s.size(); ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    out = s[0] == '-' ? -v : v;
    return true;
}

bool parse_real(std::string_view s, double& out) {
    if (s.empty() || s.size() > 64) return false;
    if (const auto v = parse_decimal(s)) {  // the plain decimals files hold; strtod for the rest
        out = *v;
        return std::isfinite(out);
    }
    const std::string copy(s);
    char* end = nullptr;
    out = std::strtod(copy.c_str(), &end);
    return end == copy.c_str() + copy.size() && std::isfinite(out);
}

}  // namespace

Result<std::string> write_waypoints(const Mission& m) {
    if (m.firmware == Firmware::Px4)
        return make_error("a .waypoints file cannot carry PX4's default (NaN) parameters; export PX4 missions as .plan", "mission.firmware", "waypoints.px4");
    std::string out = std::string(kHeader) + "\n";
    out.reserve((m.items.size() + 1) * 96);
    line(out, 0, 1, mav::kFrameGlobal, mav::kNavWaypoint, {0, 0, 0, 0}, m.home.lat_deg, m.home.lon_deg, m.home_alt_m_amsl, true);
    for (size_t i = 0; i < m.items.size(); ++i) {
        const MissionItem& it = m.items[i];
        for (double p : it.params) {
            if (!std::isfinite(p)) return make_error("a parameter is NaN, which the .waypoints format cannot carry", "item " + std::to_string(i + 1));
        }
        if (!std::isfinite(it.alt_m)) return make_error("altitude is NaN", "item " + std::to_string(i + 1));
        line(out, int(i + 1), 0, it.frame, it.command, it.params, it.lat_deg, it.lon_deg, it.alt_m, it.autocontinue);
    }
    return out;
}

Result<Mission> read_waypoints(std::string_view text, const std::string& source) {
    if (text.size() > kMaxBytes) return make_error("file is larger than 64 MiB", source);
    if (auto not_utf8 = require_utf8(text, source)) return *not_utf8;
    std::vector<std::string_view> lines, cols;
    lines.reserve(text.size() / 64);
    split(text, '\n', lines);
    if (!lines.empty() && lines.back().empty()) lines.pop_back();  // the final newline
    auto where = [&](size_t index) { return source + ":" + std::to_string(index + 1); };
    if (lines.empty()) return make_error("empty file", where(0));
    bool crlf = false;
    for (auto& l : lines) if (!l.empty() && l.back() == '\r') l.remove_suffix(1), crlf = true;  // CRLF files read as well
    if (lines[0] == "QGC WPL 120") return make_error("QGC WPL 120 has no home line and only QGroundControl reads it; save as QGC WPL 110", where(0));
    if (lines[0] != kHeader) return make_error("the first line must be exactly \"QGC WPL 110\"", where(0));
    if (lines.size() < 2) return make_error("no home line", where(1));

    Mission m;
    m.firmware = Firmware::ArduPilot;
    for (size_t n = 1; n < lines.size(); ++n) {
        const std::string_view l = lines[n];
        if (l.empty()) return make_error("blank line (QGroundControl refuses the whole file)", where(n));
        if (l[0] == '#') return make_error("comment line (QGroundControl refuses the whole file)", where(n));
        split(l, '\t', cols);
        if (cols.size() != 12) return make_error("expected 12 tab-separated columns, found " + std::to_string(cols.size()), where(n));
        long seq, current, frame, command, autocontinue;
        if (!parse_int(cols[0], seq)) return make_error("sequence number is not a whole number", where(n));
        if (!parse_int(cols[1], current) || current < 0 || current > 1) return make_error("current must be 0 or 1", where(n));
        if (!parse_int(cols[2], frame) || frame < 0 || frame > 255) return make_error("frame is not a whole number from 0 to 255", where(n));
        if (!parse_int(cols[3], command) || command < 0 || command > 65535) return make_error("command is not a whole number from 0 to 65535", where(n));
        if (!parse_int(cols[11], autocontinue) || autocontinue < 0 || autocontinue > 1) return make_error("autocontinue must be 0 or 1", where(n));
        if (seq != long(n - 1)) return make_error("sequence number " + std::to_string(seq) + " where " + std::to_string(n - 1) + " was expected", where(n));
        double v[7];
        for (int k = 0; k < 7; ++k) {
            if (!parse_real(cols[size_t(4 + k)], v[k])) return make_error("column " + std::to_string(5 + k) + " is not a finite number", where(n));
        }
        if (std::abs(v[4]) > 90 || std::abs(v[5]) > 180) return make_error("latitude or longitude out of range", where(n));
        if (n == 1) {
            if (frame != mav::kFrameGlobal) return make_error("the home line must use frame 0 (altitude AMSL)", where(n));
            m.home = {v[4], v[5]};
            m.home_alt_m_amsl = v[6];
            continue;
        }
        MissionItem it;
        it.command = uint16_t(command);
        if (!mav::is_known_command(it.command))
            return make_error("command " + std::to_string(command) + " is no MAVLink command: no autopilot would fly it", where(n));
        it.frame = uint8_t(frame);
        it.params = {v[0], v[1], v[2], v[3]};
        it.lat_deg = v[4];
        it.lon_deg = v[5];
        it.alt_m = v[6];
        it.autocontinue = autocontinue == 1;
        m.items.push_back(it);
    }
    if (crlf) m.notes.push_back("the file has Windows (CRLF) line endings: Mission Planner and QGroundControl read it, MAVSDK refuses it");
    return m;
}

}  // namespace lowsky
