// A partition as kpartx maps it: its number, and where it lies on the disk
// in 512-byte sectors (device-mapper's unit, whatever the disk's sector size).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mpx {

struct Slice {
  int number = 0;      // DOS: 1-4 primary, 5 on logical; GPT: the entry's index + 1
  uint64_t start = 0;  // 512-byte sectors from the start of the disk
  uint64_t size = 0;   // 512-byte sectors
  int container = 0;   // a logical partition's extended partition (its number); 0: none
  bool operator==(const Slice&) const = default;
};

// What a partition table parser found: the table's format ("dos", "gpt";
// "" when none was recognised), its partitions in number order, and what it
// left out and why ("partition 3 ends beyond the disk; left out").
struct PartitionTable {
  std::string format;
  std::vector<Slice> slices;
  std::vector<std::string> warnings;
};

}  // namespace mpx
