// The multipath command apart from main(): the command line's options turned
// into a request and run over an Env (real or fake).
#pragma once

#include "cli/command_output.h"
#include "cli/requests.h"
#include "cmd/multipath_options.h"
#include "engine/env.h"

namespace mpx {

// Runs the mode the options select. `uevent` is the udev event's
// environment, for -u and -U.
CommandOutput RunMultipath(const MultipathOptions& options, Env& env, const UeventEnv& uevent = {});

}  // namespace mpx
