// What the reference kpartx's BSD, Sun, Solaris, UnixWare, Mac and PS3
// readers share: they read a label in 1 KiB blocks at 512-byte sector numbers
// (its getblock()), whatever the disk's sector size, from the start of the
// whole disk; a block that is not all there is a label that is not there.
// And the byte orders the labels are written in.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "base/result.h"
#include "partition/disk_reader.h"

namespace mpx {

inline constexpr size_t kLabelBlockBytes = 1024;

// The 1 KiB at byte sector * 512.
inline Result<std::vector<uint8_t>> ReadLabelBlock(DiskReader& disk, uint64_t sector) {
  return disk.Read(sector * 512, kLabelBlockBytes);
}

// Unsigned integers of `bytes` bytes at `at` (the caller keeps it in range).
inline uint64_t LittleEndian(std::span<const uint8_t> b, size_t at, int bytes) {
  uint64_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = v << 8 | b[at + static_cast<size_t>(i)];
  return v;
}
inline uint64_t BigEndian(std::span<const uint8_t> b, size_t at, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v = v << 8 | b[at + static_cast<size_t>(i)];
  return v;
}

}  // namespace mpx
