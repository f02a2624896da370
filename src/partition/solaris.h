// Solaris x86 VTOCs, as the reference kpartx reads them: the VTOC at the
// start of 512-byte sector 1 of the whole disk (not inside a DOS partition:
// the DOS table is read first and wins), sanity 0x600DDEEE and version 1
// (another version: not recognised, as the reference, which says "Cannot
// handle solaris version"). Its first eight slices of non-zero size are the
// partitions, numbered from 1 in VTOC order (an empty one uses no number);
// starts and sizes are 512-byte sectors, little-endian.
//
// The reference declares the VTOC with C `long`s, so where it lies depends on
// the machine it was built for. With 8-byte longs (amd64, arm64: Debian's
// kpartx, checked against its binary) the sanity is 8 bytes at offset 24, the
// version 8 bytes at 32, and the slices 16 bytes each from offset 136 (start
// a 32-bit int at +4, size a 64-bit long at +8): a VTOC written by Solaris
// (4-byte fields: sanity at 12, 12-byte slices from 72) is not recognised.
// With 4-byte longs the fields are Solaris's own. mpx reads the layout of
// the machine it is built for, as the reference does. A negative start is
// taken as its 32-bit unsigned value, a negative size as a huge one (left
// out, beyond the disk).
#pragma once

#include <optional>

#include "partition/disk_reader.h"
#include "partition/slice.h"

namespace mpx {

enum class VtocLayout {
  kLongIs8Bytes,  // LP64 builds of the reference
  kLongIs4Bytes,  // 32-bit builds; Solaris's on-disk layout
};
inline constexpr VtocLayout kHostVtocLayout =
    sizeof(long) == 8 ? VtocLayout::kLongIs8Bytes : VtocLayout::kLongIs4Bytes;

// nullopt when the disk has no VTOC of `layout` at sector 1, one of another
// version, or one with no slice of non-zero size.
std::optional<PartitionTable> ReadSolarisTable(DiskReader& disk,
                                               VtocLayout layout = kHostVtocLayout);

}  // namespace mpx
