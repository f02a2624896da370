// The sysfs prioritizer's table (pure); checker/prioritizer.h runs them all.
#pragma once

#include <string_view>

#include "model/path.h"

namespace mpx {

// The priority of an ALUA access state as the sysfs prioritizer gives it:
// active/optimized 50, active/non-optimized 10, lba-dependent 5, standby 1,
// anything else 0.
int AluaStatePriority(std::string_view access_state);

}  // namespace mpx
