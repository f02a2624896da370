// devmap_name MAJOR MINOR: the name of a device-mapper device, as the
// original udev rules used to name /dev/mapper nodes:
//   KERNEL=="dm-[0-9]*", PROGRAM="/sbin/devmap_name %M %m", NAME="mapper/%c"
#pragma once

#include <string>
#include <vector>

#include "base/logger.h"
#include "cli/command_output.h"
#include "kernel/devmapper.h"

namespace mpx {

// Accepts "MAJOR MINOR" or "MAJOR:MINOR". Exit 1 with a message for a bad
// argument or when no map has that device number.
CommandOutput RunDevmapName(const std::vector<std::string>& args, DeviceMapper& dm, Logger& log);

}  // namespace mpx
