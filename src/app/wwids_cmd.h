// multipath -a / -w / -W: add a device's WWID to the wwids file, remove it,
// or rewrite the file to hold exactly the WWIDs of the maps that exist.
#pragma once

#include "app/context.h"
#include "cmd/multipath_options.h"

namespace mpx {

CommandOutput RunWwidsCommand(const MultipathOptions& options, Context& ctx);

}  // namespace mpx
