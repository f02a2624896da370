// PathSet: the paths known now, in the order they were found (sysfs device
// order, as udev enumerates), looked up by PathId. Maps hold PathIds; this
// turns them back into paths. A plain value.
#pragma once

#include <unordered_map>
#include <vector>

#include "model/path.h"
#include "model/path_id.h"

namespace mpx {

class PathSet {
 public:
  PathSet() = default;
  explicit PathSet(std::vector<Path> paths);

  // Adds a path, or replaces the one with the same id in its place.
  void Put(Path path);
  // False when there was none.
  bool Erase(PathId id);

  const Path* Find(PathId id) const;
  Path* Find(PathId id);
  bool Contains(PathId id) const { return index_.count(id) != 0; }
  // The path with this id; it must be there.
  const Path& at(PathId id) const;
  Path& at(PathId id);

  // The i-th path in order.
  const Path& operator[](size_t i) const { return paths_[i]; }
  size_t size() const { return paths_.size(); }
  bool empty() const { return paths_.empty(); }
  std::vector<Path>::const_iterator begin() const { return paths_.begin(); }
  std::vector<Path>::const_iterator end() const { return paths_.end(); }
  std::vector<Path>::iterator begin() { return paths_.begin(); }
  std::vector<Path>::iterator end() { return paths_.end(); }
  const std::vector<Path>& all() const { return paths_; }

 private:
  std::vector<Path> paths_;
  std::unordered_map<PathId, size_t> index_;
};

}  // namespace mpx
