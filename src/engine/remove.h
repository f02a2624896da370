// Removing and renaming a multipath map with its partition maps (multipath
// -f/-F, the daemon's del map and flush_on_last_del, alias changes), as the
// reference: partition maps (policy/partition_maps.h) go with their map and
// take its new name. A map that is open (mounted, held by LVM, ...) other
// than by its own partition maps, or whose partition map is open, is refused
// with a clear message and nothing is removed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "kernel/clock.h"
#include "kernel/devmapper.h"

namespace mpx {

// The partition maps over `parent`, sorted by name.
Result<std::vector<DmMapInfo>> PartitionMapsOf(DeviceMapper& dm, const DmMapInfo& parent);

// Removes `name` and its partition maps, retrying up to `retries` times one
// second apart while it is busy. Errors name the map.
Status RemoveUnusedMap(DeviceMapper& dm, Clock& clock, const std::string& name, int retries);

// Deferred removal (deferred_remove): `name` and its partition maps go now if
// unused, else when their last opener closes them.
Status RemoveMapDeferred(DeviceMapper& dm, const std::string& name);

// Renames the partition maps of the map now called `new_name` (renamed from
// `old_name`): see RenamedPartitionMap. Failures are returned, the other
// partition maps renamed all the same.
Status RenamePartitionMaps(DeviceMapper& dm, const std::string& old_name,
                           const std::string& new_name,
                           const std::optional<std::string>& delimiter);

}  // namespace mpx
