// PlayStation 3 disk labels, as the reference kpartx reads them: the label
// in the first 1.5 KiB of the disk, magics 0x0FACE0FF and 0xDEADFACE (64-bit
// big-endian at bytes 16 and 24), then eight partitions of {start, size}
// (64-bit big-endian, 512-byte sectors) and their access lists, 144 bytes
// each from byte 48. Those with a non-zero start and size are the
// partitions, numbered from 1 in label order (an empty one uses no number).
// A pure on-disk format, read off the PS3 too (a disk image, say).
#pragma once

#include <optional>

#include "partition/disk_reader.h"
#include "partition/slice.h"

namespace mpx {

// nullopt when the disk has no PS3 label (no magics, less than 2 KiB: the
// reference reads 1 KiB from each of sectors 0-2), or one with no partition.
std::optional<PartitionTable> ReadPs3Table(DiskReader& disk);

}  // namespace mpx
