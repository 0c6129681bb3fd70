#include "mission/param_file.h"

#include <cmath>

#include "core/text_buffer.h"

namespace lowsky {

namespace {

// Integers as integers, the rest with what the firmware stores (float32: 6 digits are plenty),
// as printf's "%.0f" and "%.6g" print them.
void put_number(TextBuffer& out, double v) {
    if (std::abs(v - round_half_away(v)) < 1e-9) out.fixed(v, 0);  // std::round is a library call in WebAssembly
    else out.general(v, 6);
}

// PX4's integer parameters among those lowsky writes; the rest are REAL32.
bool px4_integer(std::string_view name) { return name == "GF_ACTION"; }

}  // namespace

const char* param_file_extension(Firmware firmware) { return firmware == Firmware::Px4 ? "params" : "param"; }

std::string write_param_file(const AutopilotSettings& s, const DroneType& type) {
    const auto list = parameter_list(s, type);
    TextBuffer out(256 + 128 * list.size());  // a line of reasons and one of value for each
    auto put_reasons = [&] {
        for (const auto& p : list) out << "# " << p.name << ": " << p.why << '\n';
    };
    if (s.firmware == Firmware::ArduPilot) {
        out << "# lowsky parameter set for " << type.id << " (" << type.name << ") on "
            << (type.airframe == Airframe::VtolFixedWing ? std::string_view("ArduPlane QuadPlane") : std::string_view("ArduCopter"))
            << ": what its missions assume. Load it before the flight and check each value.\n";
        put_reasons();
        for (const auto& p : list) {
            out << p.name << ',';
            put_number(out, p.value);
            out << '\n';
        }
    } else {
        out << "# Onboard parameters for Vehicle 1\n#\n# lowsky parameter set for " << type.id << " (" << type.name
            << "): what its missions assume. Load it before the flight and check each value.\n#\n";
        put_reasons();
        out << "#\n# Vehicle-Id Component-Id Name Value Type\n";
        for (const auto& p : list) {
            const bool integer = px4_integer(p.name);
            out << "1\t1\t" << p.name << '\t';
            out.fixed(p.value, integer ? 0 : 6);
            out << (integer ? std::string_view("\t6\n") : std::string_view("\t9\n"));
        }
    }
    return std::move(out).take();
}

std::string parameter_checklist(const AutopilotSettings& s, const DroneType& type) {
    TextBuffer out(1024);
    for (const auto& p : parameter_list(s, type)) {
        if (out.size() > 0) out << ", ";
        out << p.name << '=';
        put_number(out, p.value);
    }
    return std::move(out).take();
}

}  // namespace lowsky
