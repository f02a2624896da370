#include "partition/ps3.h"

#include "partition/label_block.h"
#include "partition/raw_slices.h"

namespace mpx {
namespace {

constexpr uint64_t kMagic1 = 0x0FACE0FF;
constexpr uint64_t kMagic2 = 0xDEADFACE;
constexpr size_t kPartitions = 0x30;
constexpr size_t kStride = 16 + 8 * 16;  // start, size, 8 access entries
constexpr size_t kCount = 8;
constexpr uint64_t kLabelSectors = 3;

// The label's 1.5 KiB: the first 512 bytes of the blocks at sectors 0-2.
std::optional<std::vector<uint8_t>> ReadLabel(DiskReader& disk) {
  std::vector<uint8_t> label;
  for (uint64_t s = 0; s < kLabelSectors; ++s) {
    auto block = ReadLabelBlock(disk, s);
    if (!block.ok()) return std::nullopt;
    label.insert(label.end(), block->begin(), block->begin() + 512);
  }
  return label;
}

}  // namespace

std::optional<PartitionTable> ReadPs3Table(DiskReader& disk) {
  const std::optional<std::vector<uint8_t>> label = ReadLabel(disk);
  if (!label || BigEndian(*label, 16, 8) != kMagic1 || BigEndian(*label, 24, 8) != kMagic2) {
    return std::nullopt;
  }
  std::vector<RawSlice> slots;
  for (size_t i = 0; i < kCount; ++i) {
    const size_t at = kPartitions + kStride * i;
    const uint64_t start = BigEndian(*label, at, 8);
    const uint64_t size = BigEndian(*label, at + 8, 8);
    if (start != 0 && size != 0) slots.push_back({start, size, 0});
  }
  if (slots.empty()) return std::nullopt;
  return TableFromSlots("ps3", slots, disk.size_bytes() / 512);
}

}  // namespace mpx
