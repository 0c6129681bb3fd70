#include "mission/waypoints_format.h"

#include "core/numbers.h"
#include "core/text.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <vector>

namespace lowsky {

namespace {

constexpr const char* kHeader = "QGC WPL 110";
constexpr size_t kMaxBytes = 64u << 20;

// One line, built in a local buffer and appended once. Fixed decimals keep the text stable
// across a read and a write: 7 for degrees (the 1e-7 degree of MAVLink's integer positions),
// 6 for everything else. No "-0.000000".
void line(std::string& out, int seq, int current, int frame, int command, const std::array<double, 4>& p, double x, double y, double z,
          bool autocontinue) {
    char text[4 * 24 + 7 * (kFixedTextMax + 1) + 4];
    char* at = text;
    for (const int whole : {seq, current, frame, command}) {
        at = write_integer(at, whole);
        *at++ = '\t';
    }
    const double reals[7] = {p[0], p[1], p[2], p[3], x, y, z};
    for (int k = 0; k < 7; ++k) {
        at = write_fixed(at, reals[k] == 0 ? 0.0 : reals[k], k == 4 || k == 5 ? 7 : 6);
        *at++ = '\t';
    }
    *at++ = autocontinue ? '1' : '0';
    *at++ = '\n';
    out.append(text, size_t(at - text));
}

// The parts of `s` between `sep`s, into `parts` (cleared first).
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

// A whole number of at most 18 characters at the start of [p, end): where it stops, or null.
// 64 bits, not `long`: that is 32 bits in WebAssembly, where 4294967297 would wrap to 1.
const char* integer_prefix(const char* p, const char* end, int64_t& out) {
    const char* const begin = p;
    const bool negative = p != end && *p == '-';
    if (negative) ++p;
    const char* const digits = p;
    int64_t v = 0;
    for (; p != end && *p >= '0' && *p <= '9'; ++p) {
        if (p - begin >= 18) return nullptr;  // before the digit that could overflow
        v = v * 10 + (*p - '0');
    }
    if (p == digits) return nullptr;
    out = negative ? -v : v;
    return p;
}

bool parse_int(std::string_view s, int64_t& out) {
    const char* const end = s.data() + s.size();
    return integer_prefix(s.data(), end, out) == end;
}

// A decimal number, with blanks around it as the loaders allow (QGroundControl's toDouble and
// MAVSDK's stod skip them, pymavlink splits on them); not hexadecimal, which strtod would take
// and Python's float() refuses.
bool parse_real(std::string_view s, double& out) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (s.empty() || s.size() > 64) return false;
    const auto v = parse_decimal(s);
    if (!v || !std::isfinite(*v)) return false;
    out = *v;
    return true;
}

// One mission line's twelve columns.
struct Row {
    int64_t seq = 0, current = 0, frame = 0, command = 0, autocontinue = 0;
    double v[7] = {};  // param1..4, latitude, longitude, altitude
};

// Reads the line at `p` when it is twelve plain numbers, parsing each column in the pass that
// finds its end (splitting lines and then columns first reads every byte three times, which
// WebAssembly feels), and moves `p` past the line. False, with `p` unmoved, for anything else:
// the caller then reads the line column by column and says what is wrong.
bool read_plain_row(const char*& p, const char* end, Row& row, bool& crlf) {
    const char* at = p;
    int64_t* const ints[4] = {&row.seq, &row.current, &row.frame, &row.command};
    for (int64_t* value : ints) {
        at = integer_prefix(at, end, *value);
        if (!at || at == end || *at != '\t') return false;
        ++at;
    }
    for (double& value : row.v) {
        const char* stop = nullptr;
        const auto v = parse_decimal_prefix(at, end, stop);
        if (!v || !std::isfinite(*v) || stop - at > 64 || stop == end || *stop != '\t') return false;
        value = *v;
        at = stop + 1;
    }
    at = integer_prefix(at, end, row.autocontinue);
    if (!at) return false;
    const bool cr = at != end && *at == '\r';
    if (cr) ++at;
    if (at != end && *at != '\n') return false;
    p = at == end ? end : at + 1;
    crlf = crlf || cr;
    return true;
}

// The same line read column by column: nullopt, or what is wrong with it.
std::optional<std::string> read_row(std::string_view l, Row& row) {
    if (l.empty()) return std::string("blank line (QGroundControl refuses the whole file)");
    if (l[0] == '#') return std::string("comment line (QGroundControl refuses the whole file)");
    std::vector<std::string_view> cols;
    split(l, '\t', cols);
    if (cols.size() != 12) return "expected 12 tab-separated columns, found " + std::to_string(cols.size());
    if (!parse_int(cols[0], row.seq)) return std::string("sequence number is not a whole number");
    if (!parse_int(cols[1], row.current)) return std::string("current must be 0 or 1");
    if (!parse_int(cols[2], row.frame)) return std::string("frame is not a whole number from 0 to 255");
    if (!parse_int(cols[3], row.command)) return std::string("command is not a whole number from 0 to 65535");
    if (!parse_int(cols[11], row.autocontinue)) return std::string("autocontinue must be 0 or 1");
    for (int k = 0; k < 7; ++k) {
        if (!parse_real(cols[size_t(4 + k)], row.v[k])) return "column " + std::to_string(5 + k) + " is not a finite number";
    }
    return std::nullopt;
}

// What the numbers of line `n` may be, however they were read.
std::optional<std::string> check_row(const Row& row, size_t n) {
    if (row.current < 0 || row.current > 1) return std::string("current must be 0 or 1");
    if (row.frame < 0 || row.frame > 255) return std::string("frame is not a whole number from 0 to 255");
    if (row.command < 0 || row.command > 65535) return std::string("command is not a whole number from 0 to 65535");
    if (row.autocontinue < 0 || row.autocontinue > 1) return std::string("autocontinue must be 0 or 1");
    if (row.seq != int64_t(n - 1)) return "sequence number " + std::to_string(row.seq) + " where " + std::to_string(n - 1) + " was expected";
    if (std::abs(row.v[4]) > 90 || std::abs(row.v[5]) > 180) return std::string("latitude or longitude out of range");
    return std::nullopt;
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
    auto where = [&](size_t index) { return source + ":" + std::to_string(index + 1); };
    if (text.empty()) return make_error("empty file", where(0));
    const char* p = text.data();
    const char* const end = p + text.size();
    bool crlf = false;  // CRLF files read as well, with a note
    auto next_line = [&] {
        const void* newline = std::memchr(p, '\n', size_t(end - p));
        const char* stop = newline ? static_cast<const char*>(newline) : end;
        std::string_view l(p, size_t(stop - p));
        p = newline ? stop + 1 : end;
        if (!l.empty() && l.back() == '\r') l.remove_suffix(1), crlf = true;
        return l;
    };
    const std::string_view header = next_line();
    if (header == "QGC WPL 120") return make_error("QGC WPL 120 has no home line and only QGroundControl reads it; save as QGC WPL 110", where(0));
    if (header != kHeader) return make_error("the first line must be exactly \"QGC WPL 110\"", where(0));
    if (p == end) return make_error("no home line", where(1));

    Mission m;
    m.firmware = Firmware::ArduPilot;
    m.items.reserve(text.size() / 96);
    for (size_t n = 1; p != end; ++n) {
        Row row;
        if (!read_plain_row(p, end, row, crlf)) {
            if (auto wrong = read_row(next_line(), row)) return make_error(*wrong, where(n));
        }
        if (auto wrong = check_row(row, n)) return make_error(*wrong, where(n));
        if (n == 1) {
            if (row.frame != mav::kFrameGlobal) return make_error("the home line must use frame 0 (altitude AMSL)", where(n));
            m.home = {row.v[4], row.v[5]};
            m.home_alt_m_amsl = row.v[6];
            continue;
        }
        MissionItem it;
        it.command = uint16_t(row.command);
        if (!mav::is_known_command(it.command))
            return make_error("command " + std::to_string(row.command) + " is no MAVLink command: no autopilot would fly it", where(n));
        it.frame = uint8_t(row.frame);
        it.params = {row.v[0], row.v[1], row.v[2], row.v[3]};
        it.lat_deg = row.v[4];
        it.lon_deg = row.v[5];
        it.alt_m = row.v[6];
        it.autocontinue = row.autocontinue == 1;
        m.items.push_back(it);
    }
    if (crlf) m.notes.push_back("the file has Windows (CRLF) line endings: Mission Planner and QGroundControl read it, MAVSDK refuses it");
    return m;
}

}  // namespace lowsky
