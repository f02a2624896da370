// What the reference kpartx's BSD, Sun, Solaris, UnixWare, Mac and PS3
// readers share: they read a label in 1 KiB blocks at 512-byte sector numbers
// (its getblock()), whatever the disk's sector size, from the start of the
// whole disk; a block that is not all there is a label that is not there.
// (The byte orders they are written in: partition/byte_order.h.)
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "base/result.h"
#include "partition/byte_order.h"
#include "partition/disk_reader.h"

namespace mpx {

inline constexpr size_t kLabelBlockBytes = 1024;

// The 1 KiB at byte sector * 512.
inline Result<std::vector<uint8_t>> ReadLabelBlock(DiskReader& disk, uint64_t sector) {
  return disk.Read(sector * 512, kLabelBlockBytes);
}

}  // namespace mpx
