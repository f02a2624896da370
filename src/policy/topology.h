// Shaping candidate maps into wanted multipath maps. For now the compiled-in
// defaults only: failover grouping (one path per group), detect_prio, groups
// ordered best first, the map named by its WWID, the attached hardware
// handler retained. The configuration file extends this.
#pragma once

#include <vector>

#include "model/candidate_map.h"
#include "model/multipath_map.h"
#include "model/path.h"

namespace mpx {

// Orders groups by priority, best first; ties go to the group with more paths,
// then keep their order (a stable sort).
void OrderGroups(std::vector<PathGroup>& groups);

MultipathMap BuildMap(const CandidateMap& candidate, const std::vector<Path>& paths);

}  // namespace mpx
