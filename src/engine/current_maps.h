// Reading the multipath maps the kernel holds now.
#pragma once

#include <vector>

#include "base/result.h"
#include "kernel/devmapper.h"
#include "model/dm_table.h"
#include "plan/plan.h"

namespace mpx {

// Every map with a multipath target, with its parsed table (nullopt when it
// did not parse; such a map is reloaded). A map that vanishes between the
// listing and the table read is left out.
Result<std::vector<CurrentMap>> ReadCurrentMaps(DeviceMapper& dm);

}  // namespace mpx
