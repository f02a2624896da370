#include "policy/topology.h"

#include <algorithm>

namespace mpx {

void OrderGroups(std::vector<PathGroup>& groups, const PathSet& paths) {
  std::stable_sort(groups.begin(), groups.end(), [&](const PathGroup& a, const PathGroup& b) {
    if (a.priority != b.priority) return a.priority > b.priority;
    return UsablePaths(a, paths) > UsablePaths(b, paths);
  });
}

MultipathMap BuildMap(const CandidateMap& c, const PathSet& paths, const MapSettings& s) {
  MultipathMap m;
  m.name = c.wwid;
  m.wwid = c.wwid;
  m.vendor = c.vendor;
  m.model = c.model;
  m.rev = c.rev;
  m.size_sectors = c.size_sectors;
  m.features = s.features;
  m.hwhandler = s.hwhandler;
  if (s.retain_attached_hw_handler) {
    for (PathId i : c.paths) {
      if (!paths.at(i).hw_handler.empty()) {
        m.hwhandler = "1 " + paths.at(i).hw_handler;
        break;
      }
    }
  }
  std::vector<PathId> normal, marginal;
  for (PathId i : c.paths) (paths.at(i).marginal ? marginal : normal).push_back(i);
  auto grouped = [&](const std::vector<PathId>& members, bool is_marginal) {
    std::vector<PathGroup> groups = GroupPaths(s.grouping, members, paths);
    for (auto& g : groups) {
      g.selector = s.selector;
      g.priority = GroupPriority(g, paths);
      g.marginal = is_marginal;
    }
    OrderGroups(groups, paths);
    return groups;
  };
  // As the reference: apart only when some paths are marginal and some not.
  if (!s.marginal_pathgroups || normal.empty() || marginal.empty()) {
    m.groups = grouped(c.paths, false);
    return m;
  }
  m.groups = grouped(normal, false);
  for (PathGroup& g : grouped(marginal, true)) m.groups.push_back(std::move(g));
  return m;
}

}  // namespace mpx
