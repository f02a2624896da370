// libFuzzer target for the partition table parsers (DOS, GPT, BSD, Sun,
// Solaris, UnixWare, Mac, PS3, in the reference's order through
// ReadPartitionTable): no crash, no out-of-bounds read, no endless
// extended-partition chain; every partition found lies on the disk and is
// not empty, numbers rise, and a contained one names another. The first byte
// picks the sector size (512 or 4096), whether GPT is forced and which
// parser runs: all in order, or one alone (kpartx -t), so that each parser
// is fuzzed on every input, also those an earlier format would claim; the
// rest is the disk.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string_view>

#include "partition/scan.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

constexpr std::array<std::string_view, 8> kFormats = {"gpt",      "dos", "bsd", "solaris",
                                                      "unixware", "mac", "sun", "ps3"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const unsigned sector_size = (data[0] & 1) != 0 ? 4096 : 512;
  const bool force_gpt = (data[0] & 2) != 0;
  const size_t pick = (data[0] >> 2) & 15;  // 1..8: that format alone
  const std::string_view only = pick >= 1 && pick <= kFormats.size() ? kFormats[pick - 1] : "";
  const std::span<const uint8_t> bytes(data + 1, size - 1);
  mpx::BufferDisk disk(bytes, sector_size);
  const mpx::PartitionTable t = mpx::ReadPartitionTable(disk, force_gpt, only);
  Check(only.empty() || t.format.empty() || t.format == only);
  // The other formats count the disk in 512-byte sectors whatever its own.
  const uint64_t disk_512 = bytes.size() / 512;
  Check(t.format.empty() ||
        std::find(kFormats.begin(), kFormats.end(), t.format) != kFormats.end());
  Check(!t.format.empty() || t.slices.empty());
  int last = 0;
  for (const mpx::Slice& s : t.slices) {
    Check(s.number > last);
    last = s.number;
    Check(s.size > 0);
    Check(s.start <= disk_512 && s.size <= disk_512 - s.start);
    // A container may itself be left out (off the disk), never be its own.
    Check(s.container >= 0 && s.container <= 256 && s.container != s.number);
  }
  Check(t.slices.size() <= 4 + 4 * 256);
  return 0;
}
