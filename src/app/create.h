// The multipath command's default mode: discover paths, shape the wanted
// maps from the configuration, compare with the kernel, and create, reload or
// rename maps (or, with -d, only show what would be done).
#pragma once

#include "app/context.h"
#include "cmd/multipath_options.h"

namespace mpx {

CommandOutput RunCreate(const MultipathOptions& options, Context& ctx);

}  // namespace mpx
