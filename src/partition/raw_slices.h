// The reference kpartx's slice array, for the formats beyond DOS and GPT: a
// label reader fills slots in order and slot i is partition i + 1, so a slot
// it keeps empty (size 0) uses up a number without being mapped, while an
// entry it skips uses none. How each format fills the slots is in its header.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "partition/slice.h"

namespace mpx {

struct RawSlice {
  uint64_t start = 0;  // 512-byte sectors from the start of the disk
  uint64_t size = 0;   // 512-byte sectors; 0: an empty slot
  int container = 0;   // the number of the slot that holds this one; 0: none
};

// The reference's pass over BSD and Sun labels, whose 'c' slice spans the
// whole disk by convention: a slice that starts inside another and ends past
// it is emptied (a warning says so); one that lies within another names it
// as its container (the last such slot when there are several), so kpartx
// maps it after the others. Slots are compared in order and an emptied one
// is not compared again, as the reference does.
void MarkContained(std::vector<RawSlice>& slots, std::vector<std::string>& warnings);

// The table of `format`: the non-empty slots, numbered by their place; one
// that does not lie within the disk (`disk_sectors` 512-byte sectors) is
// left out with a warning.
PartitionTable TableFromSlots(const std::string& format, const std::vector<RawSlice>& slots,
                              uint64_t disk_sectors, std::vector<std::string> warnings = {});

}  // namespace mpx
