#include "partition/mac.h"

#include <algorithm>

#include "partition/label_block.h"
#include "partition/raw_slices.h"

namespace mpx {
namespace {

constexpr uint64_t kMacDriverMagic = 0x4552;  // "ER"
constexpr uint64_t kMacEntryMagic = 0x504d;   // "PM"
constexpr uint64_t kMacMaxEntries = 256;

struct MacEntry {
  bool has_signature = false;
  uint64_t map_count = 0;
  uint32_t start_block = 0;
  uint32_t block_count = 0;
};

// The entry at byte `pos` (the reference reads the 1 KiB from its sector).
std::optional<MacEntry> MacEntryAt(DiskReader& disk, uint64_t pos) {
  auto block = ReadLabelBlock(disk, pos / 512);
  if (!block.ok()) return std::nullopt;
  const size_t at = pos % 512;
  return MacEntry{BigEndian(*block, at, 2) == kMacEntryMagic, BigEndian(*block, at + 4, 4),
                  static_cast<uint32_t>(BigEndian(*block, at + 8, 4)),
                  static_cast<uint32_t>(BigEndian(*block, at + 12, 4))};
}

}  // namespace

std::optional<PartitionTable> ReadMacTable(DiskReader& disk) {
  auto driver = ReadLabelBlock(disk, 0);
  if (!driver.ok() || BigEndian(*driver, 0, 2) != kMacDriverMagic) return std::nullopt;
  const uint64_t block_size = BigEndian(*driver, 2, 2);
  const auto unit = static_cast<uint32_t>(block_size / 512);
  const std::optional<MacEntry> first = MacEntryAt(disk, block_size);
  if (!first || !first->has_signature) return std::nullopt;
  std::vector<RawSlice> slots;
  const uint64_t entries = std::min(first->map_count, kMacMaxEntries);
  for (uint64_t block = 1; block <= entries; ++block) {
    const std::optional<MacEntry> e = MacEntryAt(disk, block * block_size);
    if (!e) return std::nullopt;
    if (!e->has_signature) break;
    slots.push_back({static_cast<uint32_t>(e->start_block * unit),
                     static_cast<uint32_t>(e->block_count * unit), 0});
  }
  if (slots.empty()) return std::nullopt;
  return TableFromSlots("mac", slots, disk.size_bytes() / 512);
}

}  // namespace mpx
