#include "policy/topology.h"

#include <algorithm>

#include "policy/prio.h"

namespace mpx {

void OrderGroups(std::vector<PathGroup>& groups) {
  std::stable_sort(groups.begin(), groups.end(), [](const PathGroup& a, const PathGroup& b) {
    if (a.priority != b.priority) return a.priority > b.priority;
    return a.paths.size() > b.paths.size();
  });
}

MultipathMap BuildMap(const CandidateMap& c, const std::vector<Path>& paths) {
  MultipathMap m;
  m.name = c.wwid;
  m.wwid = c.wwid;
  m.vendor = c.vendor;
  m.model = c.model;
  m.size_sectors = c.size_sectors;
  for (size_t i : c.paths) {
    m.groups.push_back(PathGroup{{i}, PathPriority(paths[i]), "service-time 0"});
    if (m.hwhandler == "0" && !paths[i].hw_handler.empty()) m.hwhandler = "1 " + paths[i].hw_handler;
  }
  OrderGroups(m.groups);
  return m;
}

}  // namespace mpx
