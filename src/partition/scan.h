// The partition table of a disk: GPT when its first sector is protective
// (or when forced, kpartx -g), else DOS. Other formats are not read yet.
#pragma once

#include "partition/disk_reader.h"
#include "partition/slice.h"

namespace mpx {

// format "" when no table was recognised; warnings say what was left out or
// why a GPT was refused.
PartitionTable ReadPartitionTable(DiskReader& disk, bool force_gpt);

}  // namespace mpx
