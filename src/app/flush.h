// multipath -f MAP / -F: remove unused multipath maps. A map that is open
// (mounted, held by LVM, ...) is refused with a clear message, after -R
// retries one second apart.
#pragma once

#include "app/context.h"
#include "cmd/multipath_options.h"

namespace mpx {

// `sleep_ms` waits between retries (tests pass a no-op).
CommandOutput RunFlush(const MultipathOptions& options, Context& ctx,
                       void (*sleep_ms)(int) = nullptr);

}  // namespace mpx
