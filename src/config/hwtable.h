// The built-in hardware table: the device entries the reference 0.9.4
// compiles in (its `multipath -t` lists them), merged under the user's
// devices entries (resolve.h). Their product_blacklist values join the
// blacklist (blacklist_config.h).
#pragma once

#include <vector>

#include "config/config.h"

namespace mpx {

// The entries in the reference's order (a later matching entry wins), each
// with where = "built-in". Built once; a copy each call.
std::vector<DeviceEntry> BuiltinHardwareTable();

}  // namespace mpx
