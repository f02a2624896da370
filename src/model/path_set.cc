#include "model/path_set.h"

#include <cassert>

#include "base/strings.h"

namespace mpx {

std::optional<PathId> PathId::Parse(std::string_view text) {
  auto colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  auto major = ParseU64(text.substr(0, colon));
  auto minor = ParseU64(text.substr(colon + 1));
  if (!major || !minor || *major > UINT32_MAX || *minor > UINT32_MAX) return std::nullopt;
  return PathId{static_cast<uint32_t>(*major), static_cast<uint32_t>(*minor)};
}

PathSet::PathSet(std::vector<Path> paths) {
  for (Path& p : paths) Put(std::move(p));
}

void PathSet::Put(Path path) {
  auto [it, inserted] = index_.try_emplace(path.id(), paths_.size());
  if (inserted) {
    paths_.push_back(std::move(path));
  } else {
    paths_[it->second] = std::move(path);
  }
}

bool PathSet::Erase(PathId id) {
  auto it = index_.find(id);
  if (it == index_.end()) return false;
  size_t pos = it->second;
  index_.erase(it);
  paths_.erase(paths_.begin() + static_cast<std::ptrdiff_t>(pos));
  for (auto& [key, i] : index_) {
    if (i > pos) --i;
  }
  return true;
}

const Path* PathSet::Find(PathId id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &paths_[it->second];
}

Path* PathSet::Find(PathId id) {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &paths_[it->second];
}

const Path& PathSet::at(PathId id) const {
  const Path* p = Find(id);
  assert(p != nullptr);
  return *p;
}

Path& PathSet::at(PathId id) {
  Path* p = Find(id);
  assert(p != nullptr);
  return *p;
}

}  // namespace mpx
