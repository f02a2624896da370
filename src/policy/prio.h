// Path priorities. This issue has the two prioritizers that need no SCSI
// command: sysfs (the kernel's ALUA access_state, chosen by detect_prio when
// the attribute exists) and const.
#pragma once

#include <string_view>

#include "model/path.h"

namespace mpx {

// The priority of an ALUA access state as the sysfs prioritizer gives it:
// active/optimized 50, active/non-optimized 10, lba-dependent 5, standby 1,
// anything else 0.
int AluaStatePriority(std::string_view access_state);

// detect_prio: sysfs when access_state exists, else const (1).
int PathPriority(const Path& path);
std::string_view PrioritizerName(const Path& path);

}  // namespace mpx
