// CandidateMap: the paths of one LUN (one WWID), before policy shapes them
// into a dm-multipath table.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mpx {

struct CandidateMap {
  std::string wwid;
  std::vector<size_t> paths;  // indices into the discovery's path list, in its order
  std::string vendor;         // of the first path
  std::string model;
  uint64_t size_sectors = 0;  // of the first path
  // Paths whose size differs from the first path's; they are left out.
  std::vector<size_t> size_mismatch;
};

}  // namespace mpx
