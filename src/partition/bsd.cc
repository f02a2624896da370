#include "partition/bsd.h"

#include <algorithm>

#include "partition/label_block.h"
#include "partition/raw_slices.h"

namespace mpx {
namespace {

constexpr uint64_t kBsdMagic = 0x82564557;
constexpr size_t kBsdCount = 138;    // d_npartitions, 16 bits
constexpr size_t kBsdEntries = 148;  // d_partitions[], 16 bytes each
constexpr uint64_t kBsdMaxEntries = 16;

}  // namespace

std::optional<PartitionTable> ReadBsdTable(DiskReader& disk) {
  auto label = ReadLabelBlock(disk, 1);
  if (!label.ok() || LittleEndian(*label, 0, 4) != kBsdMagic) return std::nullopt;
  const uint64_t entries = std::min(LittleEndian(*label, kBsdCount, 2), kBsdMaxEntries);
  std::vector<RawSlice> slots;
  for (uint64_t i = 0; i < entries; ++i) {
    const size_t at = kBsdEntries + 16 * static_cast<size_t>(i);
    if ((*label)[at + 12] == 0) continue;  // p_fstype unused
    slots.push_back({LittleEndian(*label, at + 4, 4), LittleEndian(*label, at, 4), 0});
  }
  if (slots.empty()) return std::nullopt;
  std::vector<std::string> warnings;
  MarkContained(slots, warnings);
  return TableFromSlots("bsd", slots, disk.size_bytes() / 512, std::move(warnings));
}

}  // namespace mpx
