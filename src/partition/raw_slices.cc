#include "partition/raw_slices.h"

namespace mpx {

void MarkContained(std::vector<RawSlice>& slots, std::vector<std::string>& warnings) {
  for (size_t i = 0; i < slots.size(); ++i) {
    if (slots[i].size == 0) continue;
    // The reference keeps this end in 32 bits.
    const uint64_t end = static_cast<uint32_t>(slots[i].start + slots[i].size);
    for (size_t j = 0; j < slots.size() && slots[i].size != 0; ++j) {
      if (i == j || slots[j].size == 0) continue;
      const uint64_t other_end = slots[j].start + slots[j].size;
      if (slots[i].start < slots[j].start) {
        if (end > slots[j].start && end < other_end) {
          warnings.push_back("partition " + std::to_string(i + 1) + " overlaps partition " +
                             std::to_string(j + 1) + "; left out");
          slots[i].size = 0;
        }
      } else if (end <= other_end) {
        slots[i].container = static_cast<int>(j) + 1;
      }
    }
  }
}

PartitionTable TableFromSlots(const std::string& format, const std::vector<RawSlice>& slots,
                              uint64_t disk_sectors, std::vector<std::string> warnings) {
  PartitionTable t;
  t.format = format;
  t.warnings = std::move(warnings);
  for (size_t i = 0; i < slots.size(); ++i) {
    const RawSlice& s = slots[i];
    if (s.size == 0) continue;
    const int number = static_cast<int>(i) + 1;
    if (s.start >= disk_sectors || s.size > disk_sectors - s.start) {
      t.warnings.push_back("partition " + std::to_string(number) +
                           " lies beyond the end of the disk; left out");
      continue;
    }
    t.slices.push_back({number, s.start, s.size, s.container});
  }
  return t;
}

}  // namespace mpx
