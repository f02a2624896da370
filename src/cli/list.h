// multipath -l / -ll: the maps the kernel holds, in the reference's topology
// layout, from the kernel's table and status and sysfs; -ll also runs the
// path checker and the prioritizers.
#pragma once

#include "cli/command_output.h"
#include "cli/requests.h"
#include "engine/env.h"

namespace mpx {

CommandOutput RunList(const ListRequest& request, Env& env);

}  // namespace mpx
