// What multipathd's show commands print, from a Snapshot: the reference's
// tables (default columns and `format` wildcards), topology, status, daemon
// state, configuration, blacklist and devices, and mpx's JSON and metrics.
// Pure over the snapshot (show devices also reads sysfs), so the control
// socket's thread answers shows without waiting for the event loop.
#pragma once

#include <string>

#include "daemon/cli_command.h"
#include "daemon/state.h"
#include "kernel/sysfs.h"

namespace mpx {

// The reply text for a read-only command.
std::string RenderShow(const Snapshot& snapshot, const CliCommand& command, const Sysfs& sysfs);

}  // namespace mpx
