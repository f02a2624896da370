// multipath -l / -ll: the maps the kernel holds, in the reference's topology
// layout, from the kernel's table and status and sysfs; -ll also runs the
// path checker and the prioritizers.
#pragma once

#include "app/context.h"
#include "cmd/multipath_options.h"

namespace mpx {

CommandOutput RunList(const MultipathOptions& options, Context& ctx);

}  // namespace mpx
