#include "partition/solaris.h"

#include "partition/label_block.h"
#include "partition/raw_slices.h"

namespace mpx {
namespace {

constexpr uint64_t kVtocSanity = 0x600DDEEE;
constexpr size_t kVtocSlices = 8;

// Where the fields lie, by the width of the reference's `long`.
struct VtocFields {
  size_t sanity;
  size_t version;
  int word;  // bytes of sanity, version and a slice's size
  size_t slices;
  size_t stride;
};

constexpr VtocFields kVtocLp64{24, 32, 8, 136, 16};
constexpr VtocFields kVtocIlp32{12, 16, 4, 72, 12};

// A `word`-byte little-endian signed value, widened to 64 bits as C does.
uint64_t VtocSignedWord(const std::vector<uint8_t>& b, size_t at, int word) {
  const uint64_t v = LittleEndian(b, at, word);
  if (word == 4) return static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(v)));
  return v;
}

}  // namespace

std::optional<PartitionTable> ReadSolarisTable(DiskReader& disk, VtocLayout layout) {
  const VtocFields& f = layout == VtocLayout::kLongIs8Bytes ? kVtocLp64 : kVtocIlp32;
  auto vtoc = ReadLabelBlock(disk, 1);
  if (!vtoc.ok() || LittleEndian(*vtoc, f.sanity, f.word) != kVtocSanity ||
      LittleEndian(*vtoc, f.version, f.word) != 1) {
    return std::nullopt;
  }
  std::vector<RawSlice> slots;
  for (size_t i = 0; i < kVtocSlices; ++i) {
    const size_t at = f.slices + f.stride * i;
    const uint64_t size = VtocSignedWord(*vtoc, at + 8, f.word);
    if (size == 0) continue;
    slots.push_back({LittleEndian(*vtoc, at + 4, 4), size, 0});
  }
  if (slots.empty()) return std::nullopt;
  return TableFromSlots("solaris", slots, disk.size_bytes() / 512);
}

}  // namespace mpx
