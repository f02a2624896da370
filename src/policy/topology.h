// Shaping candidate maps into wanted multipath maps: grouping, group
// priorities and order, features and handler. Settings come from the
// configuration (compiled defaults when there is none).
#pragma once

#include <string>
#include <vector>

#include "model/candidate_map.h"
#include "model/multipath_map.h"
#include "model/path.h"
#include "policy/grouping.h"

namespace mpx {

struct MapSettings {
  GroupingPolicy grouping = GroupingPolicy::kFailover;
  std::string selector = "service-time 0";
  std::string features = "0";
  std::string hwhandler = "0";             // "0": retain what the kernel attached
  bool retain_attached_hw_handler = true;  // always on kernels >= 4.3
  // marginal_pathgroups on: marginal paths (Path::marginal) are grouped
  // apart, their groups after all the others, as the reference.
  bool marginal_pathgroups = false;
};

// Orders groups by priority, best first; ties go to the group with more
// usable paths, then keep their order (a stable sort).
void OrderGroups(std::vector<PathGroup>& groups, const PathSet& paths);

// Groups use the paths' priorities (Path::priority; -1, unknown, counts as 0).
MultipathMap BuildMap(const CandidateMap& candidate, const PathSet& paths,
                      const MapSettings& settings = {});

}  // namespace mpx
