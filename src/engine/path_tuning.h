// Path tuning: what multipath.conf makes the kernel do for the paths of the
// maps about to be created or reloaded, written to sysfs before the
// device-mapper calls, as the reference does (nothing for a map left as it
// is, nothing in a dry run):
//  - the SCSI transport's timeouts, each path with its own values (the
//    overrides' protocol sections apply per path): FC remote port
//    fast_io_fail_tmo and dev_loss_tmo; SAS end device
//    I_T_nexus_loss_timeout (dev_loss_tmo); iSCSI session recovery_tmo
//    (fast_io_fail_tmo); the SCSI host's eh_deadline for those three.
//    dev_loss_tmo is raised to cover no_path_retry x polling_interval
//    (infinity with "queue"), kept at 600 on FC without fast_io_fail_tmo,
//    and fast_io_fail_tmo is turned off when it is not below dev_loss_tmo.
//    Other protocols: "<dev>: setting scsi timeouts is unsupported for
//    protocol <p>" (-v2), as the reference.
//  - max_sectors_kb: queue/max_sectors_kb of every path; on a reload the
//    map's own current value (the reference's too: a path joining a map
//    never gets a larger limit than the map has).
// Each write is logged at -v3; a failed one is a warning naming the file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "engine/env.h"
#include "model/path_set.h"
#include "plan/plan.h"

namespace mpx {

void TunePaths(const Env& env, const Config& config, const std::vector<MapAction>& actions,
               const std::vector<WantedMap>& wanted, const PathSet& paths, bool dry_run);

// The timeouts for one path, resolved for its identity and protocol and
// adjusted as above (pure). nullopt: not set, nothing written.
struct PathTimeouts {
  std::optional<int64_t> fast_io_fail;  // seconds or kTmoOff
  std::optional<int64_t> dev_loss;      // seconds, kDevLossInfinity the most
  std::optional<int64_t> eh_deadline;   // seconds or kTmoOff
  std::vector<std::string> notes;       // the adjustments made, for -v3
  bool any() const { return fast_io_fail || dev_loss || eh_deadline; }
};
PathTimeouts ResolveTimeouts(const Config& config, const Path& path, const std::string& wwid);

}  // namespace mpx
