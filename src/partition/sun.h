// Sun (SPARC) disk labels, as the reference kpartx reads them: the 512-byte
// label at the start of the disk, magic 0xDABE (big-endian, byte 508), and
// the XOR of its 256 16-bit words zero (else not a Sun label: the reference
// says "Corrupted Sun disk label" and moves on). All eight slots are
// partitions 1-8 by position, an empty one (size 0) keeping its number;
// a slot starts at cylinder * sectors per track * tracks, computed in 32
// bits as the reference does, and its size is in 512-byte sectors. The 'c'
// slot spans the disk by convention: a slot lying within another is marked
// contained (mapped after the others), one ending inside a later one is
// emptied (raw_slices.h). The disk's sector size plays no part.
#pragma once

#include <optional>

#include "partition/disk_reader.h"
#include "partition/slice.h"

namespace mpx {

// nullopt when the disk has no Sun label (no magic, a bad checksum, or less
// than 1 KiB to read); a label with every slot empty is still the table.
std::optional<PartitionTable> ReadSunTable(DiskReader& disk);

}  // namespace mpx
