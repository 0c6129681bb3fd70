#include "mission/param_file.h"

#include <cmath>
#include <cstdio>

namespace lowsky {

namespace {

// Integers as integers, the rest with what the firmware stores (float32: 6 digits are plenty).
std::string number(double v) {
    char text[48];
    if (std::abs(v - std::round(v)) < 1e-9) std::snprintf(text, sizeof text, "%.0f", v);
    else std::snprintf(text, sizeof text, "%.6g", v);
    return text;
}

// PX4's integer parameters among those lowsky writes; the rest are REAL32.
bool px4_integer(const std::string& name) { return name == "GF_ACTION"; }

}  // namespace

const char* param_file_extension(Firmware firmware) { return firmware == Firmware::Px4 ? "params" : "param"; }

std::string write_param_file(const AutopilotSettings& s, const DroneType& type) {
    std::string out;
    const auto list = parameter_list(s, type);
    if (s.firmware == Firmware::ArduPilot) {
        out += "# lowsky parameter set for " + type.id + " (" + type.name + ") on " +
               (type.airframe == Airframe::VtolFixedWing ? "ArduPlane QuadPlane" : "ArduCopter") +
               ": what its missions assume. Load it before the flight and check each value.\n";
        for (const auto& p : list) out += "# " + p.name + ": " + p.why + "\n";
        for (const auto& p : list) out += p.name + "," + number(p.value) + "\n";
    } else {
        out += "# Onboard parameters for Vehicle 1\n#\n# lowsky parameter set for " + type.id + " (" + type.name +
               "): what its missions assume. Load it before the flight and check each value.\n#\n";
        for (const auto& p : list) out += "# " + p.name + ": " + p.why + "\n";
        out += "#\n# Vehicle-Id Component-Id Name Value Type\n";
        for (const auto& p : list) {
            char value[48];
            if (px4_integer(p.name)) std::snprintf(value, sizeof value, "%.0f", p.value);
            else std::snprintf(value, sizeof value, "%.6f", p.value);
            out += "1\t1\t" + p.name + "\t" + value + "\t" + (px4_integer(p.name) ? "6" : "9") + "\n";
        }
    }
    return out;
}

std::string parameter_checklist(const AutopilotSettings& s, const DroneType& type) {
    std::string out;
    for (const auto& p : parameter_list(s, type)) out += (out.empty() ? "" : ", ") + p.name + "=" + number(p.value);
    return out;
}

}  // namespace lowsky
