// Path grouping policies: how a map's paths are split into path groups.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/multipath_map.h"
#include "model/path_set.h"
#include "model/settings.h"

namespace mpx {

std::optional<GroupingPolicy> ParseGroupingPolicy(std::string_view word);
std::string_view GroupingPolicyName(GroupingPolicy p);

// Splits `members` (discovery order) into groups; a group's paths keep that
// order and groups appear in order of their first path. group_by_prio uses
// each path's priority. Group priorities are not set here.
std::vector<PathGroup> GroupPaths(GroupingPolicy policy, const std::vector<PathId>& members,
                                  const PathSet& paths);

// A group's priority: the average priority of its usable paths (checker up
// or ghost, or not yet checked); 0 when none is usable.
int GroupPriority(const PathGroup& group, const PathSet& paths);

// Counts usable paths of a group (the tie-break of group ordering).
size_t UsablePaths(const PathGroup& group, const PathSet& paths);

}  // namespace mpx
