// GPT partition tables, as the reference kpartx reads them: used when the
// first sector has a GPT protective entry (type 0xee), or whenever asked
// (kpartx -g). The primary header (LBA 1) and its entry array are checked
// (signature, sizes, CRC-32s, bounds); when they are bad the alternate (at
// the disk's last sector) is used, with a warning, and a bad alternate is
// said too. Partitions: the entries with a non-zero type GUID, numbered by
// their index + 1; one outside the usable area is left out with a warning.
// Only the first 256 entries are read, as the reference (its slice array).
// A GPT without a typed entry among them is not taken: the reference moves
// on to the other formats then (scan.h).
// Limits: entries of 128 to 4096 bytes, an entry array of at most 1 MiB.
#pragma once

#include <optional>

#include "partition/disk_reader.h"
#include "partition/slice.h"

namespace mpx {

// nullopt when the disk has no GPT (no protective entry unless `force`,
// neither header valid, or no typed entry); `why` gets the warnings then (a
// header refused and why).
std::optional<PartitionTable> ReadGptTable(DiskReader& disk, bool force,
                                           std::vector<std::string>* why = nullptr);

}  // namespace mpx
