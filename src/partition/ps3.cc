#include "partition/ps3.h"

#include "partition/label_block.h"
#include "partition/raw_slices.h"

namespace mpx {
namespace {

constexpr uint64_t kPs3Magic1 = 0x0FACE0FF;
constexpr uint64_t kPs3Magic2 = 0xDEADFACE;
constexpr size_t kPs3Partitions = 0x30;
constexpr size_t kPs3Stride = 16 + 8 * 16;  // start, size, 8 access entries
constexpr size_t kPs3Count = 8;
constexpr uint64_t kPs3LabelSectors = 3;

// The label's 1.5 KiB: the first 512 bytes of the blocks at sectors 0-2.
std::optional<std::vector<uint8_t>> ReadPs3Label(DiskReader& disk) {
  std::vector<uint8_t> label;
  for (uint64_t s = 0; s < kPs3LabelSectors; ++s) {
    auto block = ReadLabelBlock(disk, s);
    if (!block.ok()) return std::nullopt;
    label.insert(label.end(), block->begin(), block->begin() + 512);
  }
  return label;
}

}  // namespace

std::optional<PartitionTable> ReadPs3Table(DiskReader& disk) {
  const std::optional<std::vector<uint8_t>> label = ReadPs3Label(disk);
  if (!label || BigEndian(*label, 16, 8) != kPs3Magic1 || BigEndian(*label, 24, 8) != kPs3Magic2) {
    return std::nullopt;
  }
  std::vector<RawSlice> slots;
  for (size_t i = 0; i < kPs3Count; ++i) {
    const size_t at = kPs3Partitions + kPs3Stride * i;
    const uint64_t start = BigEndian(*label, at, 8);
    const uint64_t size = BigEndian(*label, at + 8, 8);
    if (start != 0 && size != 0) slots.push_back({start, size, 0});
  }
  if (slots.empty()) return std::nullopt;
  return TableFromSlots("ps3", slots, disk.size_bytes() / 512);
}

}  // namespace mpx
