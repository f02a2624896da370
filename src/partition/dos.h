// DOS (MBR) partition tables, as the reference kpartx reads them: the four
// primary entries of the first sector and, inside an extended partition
// (types 0x05, 0x0f, 0x85), the chain of extended boot records, each with
// one logical partition, numbered from 5 in chain order.
//  - An extended partition is mapped as its first 1 KiB only (2 sectors; one
//    sector on disks of larger sectors), as the kernel shows it; its logical
//    partitions name it as their container.
//  - A first sector with a GPT protective entry (type 0xee) is not DOS.
//  - Left out, each with a warning: a partition beyond the end of the disk,
//    the rest of a chain that loops, leaves the extended partition, cannot be
//    read or runs past 256 records.
#pragma once

#include <optional>

#include "partition/disk_reader.h"
#include "partition/slice.h"

namespace mpx {

// nullopt when the disk has no DOS table (no 0x55aa signature, a GPT
// protective entry, or a first sector that cannot be read).
std::optional<PartitionTable> ReadDosTable(DiskReader& disk);

}  // namespace mpx
