// The questions udev rules ask multipath:
//   -c DEV / -u: is DEV a multipath path? (DM_MULTIPATH_DEVICE_PATH="0|1|2";
//                -c exits 0 for yes, -u always 0 so that udev imports the answer)
//   -C DEV / -U: does the map DEV have a usable path? (exit 0 yes, 1 no)
// -u and -U take the device from the udev event's environment.
#pragma once

#include "cli/command_output.h"
#include "cli/requests.h"
#include "engine/env.h"

namespace mpx {

CommandOutput RunValidPath(const ValidPathRequest& request, Env& env);
CommandOutput RunUsablePaths(const UsablePathsRequest& request, Env& env);

}  // namespace mpx
