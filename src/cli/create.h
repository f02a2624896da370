// multipath's default mode: discover paths, shape the wanted maps from the
// configuration, compare with the kernel, and create, reload or rename maps
// (or, with -d, only show what would be done). The steps are the engine's;
// this file orders them and renders what the reference prints.
#pragma once

#include "cli/command_output.h"
#include "cli/requests.h"
#include "engine/env.h"

namespace mpx {

CommandOutput RunCreate(const CreateRequest& request, Env& env);

// The reference's reminder (stderr, verbosity 2 and up) after creating,
// reloading or listing: multipath maps exist but no multipathd watches their
// paths, so a failed path is never reinstated.
void WarnIfNoDaemon(const Env& env, bool maps_exist);

}  // namespace mpx
