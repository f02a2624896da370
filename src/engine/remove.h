// Removing a multipath map that nothing uses (multipath -f/-F, and the
// daemon's del map). A map that is open (mounted, held by LVM, ...) is
// refused with a clear message.
#pragma once

#include <string>

#include "base/result.h"
#include "kernel/clock.h"
#include "kernel/devmapper.h"

namespace mpx {

// Removes `name`, retrying up to `retries` times one second apart while it is
// busy. Errors name the map.
Status RemoveUnusedMap(DeviceMapper& dm, Clock& clock, const std::string& name, int retries);

}  // namespace mpx
