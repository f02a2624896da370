#include "policy/coalesce.h"

#include <unordered_map>

namespace mpx {

std::vector<CandidateMap> Coalesce(const std::vector<Path>& paths) {
  std::vector<CandidateMap> maps;
  std::unordered_map<std::string, size_t> index;
  index.reserve(paths.size());
  for (size_t i = 0; i < paths.size(); ++i) {
    const Path& p = paths[i];
    auto [it, inserted] = index.try_emplace(p.wwid, maps.size());
    if (inserted) {
      maps.push_back({p.wwid, {i}, p.vendor, p.model, p.size_sectors, {}});
      continue;
    }
    CandidateMap& m = maps[it->second];
    if (p.size_sectors != m.size_sectors) {
      m.size_mismatch.push_back(i);
    } else {
      m.paths.push_back(i);
    }
  }
  return maps;
}

}  // namespace mpx
