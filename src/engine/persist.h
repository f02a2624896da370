// After maps were created: the state files and udev's view of their paths.
#pragma once

#include <string>
#include <vector>

#include "base/logger.h"
#include "engine/env.h"
#include "engine/naming.h"
#include "model/multipath_map.h"
#include "model/path_set.h"
#include "state/wwids.h"

namespace mpx {

struct Persisted {
  std::vector<const MultipathMap*> remembered;  // created maps whose WWID was new to the wwids file
  int failures = 0;                             // state files that could not be written (logged)
};

// Writes the bindings the namer allocated, then adds the created maps'
// WWIDs to the wwids file (`wwids` as read before), each file once and
// atomically.
Persisted PersistState(Files& files, const std::string& bindings_file, const Namer& namer,
                       const std::string& wwids_file, const WwidsFile& wwids,
                       const std::vector<const MultipathMap*>& created, Logger& log);

// As the reference: the paths of a map whose WWID is new to the wwids file
// get a "change" uevent (and so do their partitions), so that udev's rules
// (multipath -u) now claim them (DM_MULTIPATH_DEVICE_PATH=1, SYSTEMD_READY=0)
// and nothing else mounts or scans them; paths udev already claims are left
// alone (each event costs udev a run of all its rules). Call it after the
// batch's wait, so the map exists when the rules run. Returns the devices
// done, space separated; a device that refuses is a warning, not a failure.
std::string TriggerPathUevents(const Env& env, const MultipathMap& map, const PathSet& paths);

}  // namespace mpx
