// multipath -f MAP / -F: remove unused multipath maps. A map that is open
// (mounted, held by LVM, ...) is refused with a clear message, after -R
// retries one second apart.
#pragma once

#include "cli/command_output.h"
#include "cli/requests.h"
#include "engine/env.h"

namespace mpx {

CommandOutput RunFlush(const FlushRequest& request, Env& env);

}  // namespace mpx
