// BSD disklabels, as the reference kpartx reads them: the label of a whole
// disk ("dangerously dedicated"), magic 0x82564557 at the start of 512-byte
// sector 1 (byte 512, whatever the sector size), little-endian (the
// reference reads it in the host's order, on amd64). Of its first
// min(d_npartitions, 16) entries, those of a used filesystem type (p_fstype
// != 0) are the partitions, numbered from 1 in label order (an unused entry
// uses no number); offsets and sizes are 512-byte sectors, taken as they are.
// The 'c' entry spans the disk by convention: a partition lying within
// another is marked contained (mapped after the others), one ending inside a
// later one is emptied (raw_slices.h). d_magic2 and the checksum are not
// checked. A BSD label inside a DOS partition is not looked for: the DOS
// table is read first and wins.
#pragma once

#include <optional>

#include "partition/disk_reader.h"
#include "partition/slice.h"

namespace mpx {

// nullopt when the disk has no BSD label, or one with no used entry (the
// reference moves on to the next format then).
std::optional<PartitionTable> ReadBsdTable(DiskReader& disk);

}  // namespace mpx
