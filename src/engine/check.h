// Checking paths: the path checker, then the map's prioritizer, on each path
// of the chosen maps (and each path's serial first when its map groups by
// serial). The only step of shaping that does I/O; it runs on the pool.
#pragma once

#include "discovery/wwid.h"
#include "engine/map_config.h"
#include "engine/shape.h"
#include "model/path_set.h"

namespace mpx {

class ThreadPool;

// The tur checker (a path whose sysfs state is not "running" is down
// without I/O), then the prioritizer `config` names, on one path.
void CheckPath(ScsiIo& io, const MapConfig& config, Path& path);

// Every path of `chosen`, in parallel on `pool`.
void CheckChosenPaths(const WwidEnv& env, ThreadPool& pool, const Chosen& chosen, PathSet& paths);

}  // namespace mpx
