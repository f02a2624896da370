#include "partition/unixware.h"

#include "partition/label_block.h"
#include "partition/raw_slices.h"

namespace mpx {
namespace {

constexpr uint64_t kUnixwareSector = 29;
constexpr uint64_t kUnixwareMagic = 0xCA5E600D;
constexpr uint64_t kUnixwareVtocMagic = 0x600DDEEE;
constexpr size_t kUnixwareVtoc = 156;
constexpr size_t kUnixwareSlices =
    kUnixwareVtoc + 60;  // 16 x {label, flags, start, size}: 12 bytes
constexpr size_t kUnixwareSliceCount = 16;

}  // namespace

std::optional<PartitionTable> ReadUnixwareTable(DiskReader& disk) {
  auto label = ReadLabelBlock(disk, kUnixwareSector);
  if (!label.ok() || LittleEndian(*label, 4, 4) != kUnixwareMagic ||
      LittleEndian(*label, kUnixwareVtoc, 4) != kUnixwareVtocMagic) {
    return std::nullopt;
  }
  std::vector<RawSlice> slots;
  for (size_t i = 1; i < kUnixwareSliceCount; ++i) {  // slice 0: the whole disk
    const size_t at = kUnixwareSlices + 12 * i;
    if (LittleEndian(*label, at, 2) == 0) continue;  // unused
    slots.push_back({LittleEndian(*label, at + 4, 4), LittleEndian(*label, at + 8, 4), 0});
  }
  if (slots.empty()) return std::nullopt;
  return TableFromSlots("unixware", slots, disk.size_bytes() / 512);
}

}  // namespace mpx
