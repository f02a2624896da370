// Path grouping policies: how a map's paths are split into path groups.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/multipath_map.h"
#include "model/path.h"

namespace mpx {

enum class GroupingPolicy { kFailover, kMultibus, kGroupBySerial, kGroupByPrio, kGroupByNodeName };

std::optional<GroupingPolicy> ParseGroupingPolicy(std::string_view word);
std::string_view GroupingPolicyName(GroupingPolicy p);

// Splits `members` (path indices, discovery order) into groups; a group's
// paths keep that order and groups appear in order of their first path.
// `prio[i]` is path i's priority. Group priorities are not set here.
std::vector<PathGroup> GroupPaths(GroupingPolicy policy, const std::vector<size_t>& members,
                                  const std::vector<Path>& paths, const std::vector<int>& prio);

// A group's priority: the average priority of its usable paths (checker up
// or ghost, or not yet checked); 0 when none is usable.
int GroupPriority(const PathGroup& group, const std::vector<Path>& paths,
                  const std::vector<int>& prio);

// Counts usable paths of a group (the tie-break of group ordering).
size_t UsablePaths(const PathGroup& group, const std::vector<Path>& paths);

}  // namespace mpx
