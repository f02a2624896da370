// Coalesce: group discovered paths by WWID into candidate maps.
#pragma once

#include <vector>

#include "model/candidate_map.h"
#include "model/path_set.h"

namespace mpx {

// One map per distinct WWID, ordered by each WWID's first path; paths keep
// discovery order. A path whose size differs from the map's first path is
// not added (the kernel would refuse the table) but listed in size_mismatch.
std::vector<CandidateMap> Coalesce(const PathSet& paths);

}  // namespace mpx
