// kpartx: partition maps (dm linear targets) for the partitions of a disk,
// a multipath map or a file, as the reference multipath-tools 0.9.4 makes
// them (seen in the lab):
//   name  <parent><delimiter><N>: the delimiter is -p's, else "p" when the
//         parent's name ends in a digit (loop0p1, mpath0p1), else none
//         (sda1, mpatha1);
//   uuid  part<N>-<parent's dm uuid>; a parent that is no dm map counts as
//         devnode_<major>:<minor>_Wh5pYvM (the reference's word for it);
//   table 0 <size> linear <parent major:minor> <start>, logical partitions
//         on the parent too.
// -a creates (or, for a map of the same uuid, renames and reloads), -u does
// the same and removes the partition maps of partitions gone, -d removes the
// parent's partition maps (a busy one is refused by name, the others go),
// -l lists what -a would make. Partitions inside another (DOS logicals, BSD
// and Sun slices inside their whole-disk slice) come after the others, as
// the reference makes them; a table of no format ("") changes nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/logger.h"
#include "cli/command_output.h"
#include "kernel/devmapper.h"
#include "partition/slice.h"

namespace mpx {

enum class KpartxOp { kList, kAdd, kDelete, kUpdate };

struct KpartxRequest {
  KpartxOp op = KpartxOp::kList;
  std::optional<std::string> delimiter;  // -p
  bool verbose = false;                  // -v
  bool read_only = false;                // -r: read-only partition maps
};

// The disk whose partitions are mapped, as the caller found it.
struct KpartxParent {
  std::string devnode;  // what -l prints: /dev/sda, /dev/loop0, /dev/mapper/mpatha
  std::string name;     // the dm map's name, else the kernel's (sda, loop0)
  std::string uuid;     // the dm map's uuid, else devnode_<major>:<minor>_Wh5pYvM
  uint32_t major = 0;
  uint32_t minor = 0;
};

// The uuid kpartx gives a parent that is no dm map (or a map without one).
std::string DevnodeUuid(uint32_t major, uint32_t minor);
// <parent><delimiter><number>.
std::string PartitionMapName(const KpartxParent& parent,
                             const std::optional<std::string>& delimiter, int number);

// Runs `req` over `table` (ignored by -d). Errors go to `log`; exit code 1
// on any failure.
CommandOutput RunKpartx(const KpartxRequest& req, const KpartxParent& parent,
                        const PartitionTable& table, DeviceMapper& dm, Logger& log);

}  // namespace mpx
