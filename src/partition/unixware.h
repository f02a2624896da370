// UnixWare disklabels, as the reference kpartx reads them: at the start of
// 512-byte sector 29 of the whole disk, the disklabel magic 0xCA5E600D (at
// byte 4) and its VTOC's 0x600DDEEE (at byte 156), little-endian. Slice 0 is
// the whole disk and is skipped; of slices 1-15, those of a non-zero label
// are the partitions, numbered from 1 in VTOC order (a skipped slice uses no
// number; one of size 0 keeps its number and is not mapped). Starts and
// sizes are 512-byte sectors, taken as they are.
#pragma once

#include <optional>

#include "partition/disk_reader.h"
#include "partition/slice.h"

namespace mpx {

// nullopt when the disk has no UnixWare label at sector 29, or one with no
// labelled slice.
std::optional<PartitionTable> ReadUnixwareTable(DiskReader& disk);

}  // namespace mpx
