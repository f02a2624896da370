#include "partition/sun.h"

#include "partition/label_block.h"
#include "partition/raw_slices.h"

namespace mpx {
namespace {

constexpr uint64_t kSunMagic = 0xDABE;
constexpr size_t kSunTracks = 436;   // ntrks, 16 bits
constexpr size_t kSunSectors = 438;  // nsect, 16 bits
constexpr size_t kSunSlots = 444;    // 8 x {start cylinder, sectors}, 32 bits each
constexpr size_t kSunMagicAt = 508;

bool SunChecksumOk(const std::vector<uint8_t>& label) {
  uint64_t x = 0;
  for (size_t at = 0; at < 512; at += 2) x ^= BigEndian(label, at, 2);
  return x == 0;
}

}  // namespace

std::optional<PartitionTable> ReadSunTable(DiskReader& disk) {
  auto label = ReadLabelBlock(disk, 0);
  if (!label.ok() || BigEndian(*label, kSunMagicAt, 2) != kSunMagic || !SunChecksumOk(*label)) {
    return std::nullopt;
  }
  const auto per_cylinder =
      static_cast<uint32_t>(BigEndian(*label, kSunSectors, 2) * BigEndian(*label, kSunTracks, 2));
  std::vector<RawSlice> slots;
  for (size_t i = 0; i < 8; ++i) {
    const size_t at = kSunSlots + 8 * i;
    const auto cylinder = static_cast<uint32_t>(BigEndian(*label, at, 4));
    slots.push_back(
        {static_cast<uint32_t>(cylinder * per_cylinder), BigEndian(*label, at + 4, 4), 0});
  }
  std::vector<std::string> warnings;
  MarkContained(slots, warnings);
  return TableFromSlots("sun", slots, disk.size_bytes() / 512, std::move(warnings));
}

}  // namespace mpx
