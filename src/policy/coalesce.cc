#include "policy/coalesce.h"

#include <unordered_map>

namespace mpx {

std::vector<CandidateMap> Coalesce(const PathSet& paths) {
  std::vector<CandidateMap> maps;
  std::unordered_map<std::string, size_t> index;
  index.reserve(paths.size());
  for (const Path& p : paths) {
    auto [it, inserted] = index.try_emplace(p.wwid, maps.size());
    if (inserted) {
      maps.push_back({p.wwid, {p.id()}, p.vendor, p.model, p.size_sectors, {}, p.rev});
      continue;
    }
    CandidateMap& m = maps[it->second];
    if (p.size_sectors != m.size_sectors) {
      m.size_mismatch.push_back(p.id());
    } else {
      m.paths.push_back(p.id());
    }
  }
  return maps;
}

}  // namespace mpx
