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
  m.groups = GroupPaths(s.grouping, c.paths, paths);
  for (auto& g : m.groups) {
    g.selector = s.selector;
    g.priority = GroupPriority(g, paths);
  }
  OrderGroups(m.groups, paths);
  return m;
}

}  // namespace mpx
