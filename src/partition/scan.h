// The partition table of a disk, read as the reference kpartx (multipath-tools
// 0.9.4) reads it: it tries the formats in a fixed order, gpt, dos, bsd,
// solaris, unixware, dasd, mac, sun, ps3, and maps the slices of the FIRST
// that claims the disk (its reader finds at least one slot; kpartx.c breaks
// out of its loop then), ignoring the rest. Each reader here returns nullopt
// exactly when the reference's would return no slot, so one format's table
// is all there is: PartitionTable needs no change. -g (force_gpt) only lets
// a GPT without a protective entry count; the other formats are still tried
// when there is no GPT, as the reference does.
//
// dasd is not read: the reference's reader asks the device itself (ioctls
// BIODASDINFO and HDIO_GETGEO, a dm map's first path of major 94) and finds
// nothing on anything but an s390 DASD, where its labels (CMS1, VOL1, LNX1)
// need the track geometry the kernel gives. mpx runs where those disks are
// not; on such a disk mpx reads the next formats instead (docs/differences.md).
#pragma once

#include <string_view>

#include "partition/disk_reader.h"
#include "partition/slice.h"

namespace mpx {

// format "" when no table was recognised; warnings say what was left out or
// why a GPT was refused. `only` (kpartx -t: "dos", "gpt", "bsd", ...) reads
// that format alone; a name of no format finds nothing, as the reference.
PartitionTable ReadPartitionTable(DiskReader& disk, bool force_gpt, std::string_view only = "");

}  // namespace mpx
