// Checking paths: the path checker, then the map's prioritizer, on each path
// of the chosen maps (and each path's serial first when its map groups by
// serial). The only step of shaping that does I/O; it runs on the pool.
#pragma once

#include "checker/checker.h"
#include "discovery/wwid.h"
#include "engine/map_config.h"
#include "engine/shape.h"
#include "model/path_set.h"

namespace mpx {

class ThreadPool;

// What a check reads: SCSI, and sysfs and udev where there are (null: those
// attributes are unknown, e.g. on a recorded tree).
struct CheckIo {
  ScsiIo& scsi;
  const Sysfs* sysfs = nullptr;
  const UdevDb* udev = nullptr;
};

// The checker `config` names (path_checker; with detect_checker, rdac for
// arrays answering VPD 0xC9 "vac1" and tur for ALUA devices, chosen once
// per path and kept in path.checker), within checker_timeout (the device's
// SCSI timeout when unset); a path whose sysfs state is not "running" is
// down without I/O. Then the prioritizer (detect_prio: sysfs or alua for
// ALUA devices) with its prio_args. `memory`: what the checker keeps
// between checks of this path (null: nothing kept).
void CheckPath(const CheckIo& io, const MapConfig& config, Path& path,
               CheckerMemory* memory = nullptr);

// Every path of `chosen`, in parallel on `pool`.
void CheckChosenPaths(const WwidEnv& env, ThreadPool& pool, const Chosen& chosen, PathSet& paths);

}  // namespace mpx
