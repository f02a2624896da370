// multipath -t and -T: the configuration in effect (multipath.conf, conf.d
// and the built-in hardware table merged) printed as the reference prints it.
#pragma once

#include "cli/command_output.h"
#include "cli/requests.h"
#include "config/config.h"
#include "engine/env.h"

namespace mpx {

// What the multipath program sets over the configuration before it prints
// it, as the reference's does: it checks paths one at a time (force_sync yes)
// and never retriggers uevents (retrigger_tries 0).
void SetMultipathRuntime(Config* config);

// -t needs only the files. -T also discovers the paths and lists the maps,
// so it needs device-mapper, as the reference's.
CommandOutput RunShowConfig(const ShowConfigRequest& req, Env& env);

}  // namespace mpx
