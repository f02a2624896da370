// Executing a plan: the device-mapper calls for each action (create, reload,
// rename), all in one udev batch, so udev's work for every map overlaps and
// one wait covers them. Shared by multipath and multipathd.
#pragma once

#include <vector>

#include "base/logger.h"
#include "base/result.h"
#include "kernel/devmapper.h"
#include "plan/plan.h"

namespace mpx {

// One Status per action, in order: ok for a change made and for nothing to
// do; an error for a refused conflict (the map is left alone) and for a
// failed call. Logs each failure (error) and each table loaded, as the
// reference does ("<name>: addmap [<table>]", "<name>: reload [<table>]",
// notice). `dry_run`: no call at all; conflicts are still reported.
std::vector<Status> ExecuteActions(DeviceMapper& dm, const std::vector<MapAction>& actions,
                                   const std::vector<WantedMap>& wanted, Logger& log, bool dry_run);

}  // namespace mpx
