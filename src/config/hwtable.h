// The built-in hardware table: the device entries the reference compiles in
// (its multipath -t lists them), merged under the user's devices entries.
#pragma once

#include <vector>

#include "config/config.h"

namespace mpx {

// Empty for now (the configuration issue fills it).
std::vector<DeviceEntry> BuiltinHardwareTable();

}  // namespace mpx
