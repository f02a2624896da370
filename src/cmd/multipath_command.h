// The multipath command's work, apart from main(): testable with fakes.
#pragma once

#include "app/context.h"
#include "cmd/multipath_options.h"

namespace mpx {

// Runs the mode the options select (create/dry run, -l/-ll, -f/-F).
CommandOutput RunMultipath(const MultipathOptions& options, Context& ctx);

}  // namespace mpx
