// Apple partition maps, as the reference kpartx reads them: the driver
// descriptor at the start of the disk (signature "ER", big-endian like the
// rest) gives the map's block size; the map's entries ("PM") follow in
// blocks 1, 2, ..., as many as the first entry's map_count says (at most
// 256, the reference's slice array) and up to the first block without the
// signature. Every entry is a partition, numbered by its block (the map
// itself and free space included; one of 0 blocks keeps its number and is
// not mapped). Starts and sizes are blocks, times block size / 512 (integer
// division, computed in 32 bits, as the reference does); the disk's sector
// size plays no part. An entry block that cannot be read (1 KiB from its
// 512-byte sector) makes the reference give up on the format: so does mpx.
#pragma once

#include <optional>

#include "partition/disk_reader.h"
#include "partition/slice.h"

namespace mpx {

// nullopt when the disk has no Apple partition map (no driver descriptor, no
// first entry, a map of 0 entries, or an entry that cannot be read).
std::optional<PartitionTable> ReadMacTable(DiskReader& disk);

}  // namespace mpx
