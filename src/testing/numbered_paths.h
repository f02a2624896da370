// Paths for policy and output tests: path i is /dev/sd<letter i> with device
// number 8:(16*i), so a test can speak of paths by index.
#pragma once

#include <string>
#include <vector>

#include "model/path_set.h"

namespace mpx::testing {

inline PathId Id(size_t i) { return {8, static_cast<uint32_t>(i * 16)}; }
inline size_t Index(PathId id) { return id.minor / 16; }

inline std::vector<size_t> Indices(const std::vector<PathId>& ids) {
  std::vector<size_t> out;
  for (PathId id : ids) out.push_back(Index(id));
  return out;
}

inline std::vector<PathId> Ids(const std::vector<size_t>& indices) {
  std::vector<PathId> out;
  for (size_t i : indices) out.push_back(Id(i));
  return out;
}

// n paths (n <= 26), sda 8:0, sdb 8:16, ...
inline std::vector<Path> NumberedPaths(size_t n) {
  std::vector<Path> paths(n);
  for (size_t i = 0; i < n; ++i) {
    paths[i].dev = std::string("sd") + static_cast<char>('a' + i);
    paths[i].devnode = "/dev/" + paths[i].dev;
    paths[i].major = Id(i).major;
    paths[i].minor = Id(i).minor;
  }
  return paths;
}

}  // namespace mpx::testing
