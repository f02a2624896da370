// libFuzzer target for the partition table parsers (DOS, GPT): no crash, no
// out-of-bounds read, no endless extended-partition chain, and every
// partition found lies on the disk. The first byte picks the sector size
// (512 or 4096) and whether GPT is forced; the rest is the disk.
#include <cstdint>
#include <cstdlib>
#include <span>

#include "partition/scan.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const unsigned sector_size = (data[0] & 1) != 0 ? 4096 : 512;
  const bool force_gpt = (data[0] & 2) != 0;
  const std::span<const uint8_t> bytes(data + 1, size - 1);
  mpx::BufferDisk disk(bytes, sector_size);
  const mpx::PartitionTable t = mpx::ReadPartitionTable(disk, force_gpt);
  const uint64_t disk_512 = bytes.size() / sector_size * (sector_size / 512);
  for (const mpx::Slice& s : t.slices) {
    Check(s.number >= 1);
    Check(s.start <= disk_512 && s.size <= disk_512 - s.start);
    Check(t.format == "dos" || t.format == "gpt");
  }
  Check(t.slices.size() <= 4 + 4 * 256 + (1 << 20) / 128);
  return 0;
}
