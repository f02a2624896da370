// CandidateMap: the paths of one LUN (one WWID), before policy shapes them
// into a dm-multipath table.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/path_id.h"

namespace mpx {

struct CandidateMap {
  std::string wwid;
  std::vector<PathId> paths;  // in discovery order
  std::string vendor;         // of the first path
  std::string model;
  uint64_t size_sectors = 0;  // of the first path
  // Paths whose size differs from the first path's; they are left out.
  std::vector<PathId> size_mismatch;
  std::string rev;  // of the first path
};

}  // namespace mpx
