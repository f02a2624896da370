// multipath -a / -w / -W: add a device's WWID to the wwids file, remove it,
// or rewrite the file to hold exactly the WWIDs of the maps that exist.
#pragma once

#include "cli/command_output.h"
#include "cli/requests.h"
#include "engine/env.h"

namespace mpx {

CommandOutput RunWwidsCommand(const WwidsRequest& request, Env& env);

}  // namespace mpx
