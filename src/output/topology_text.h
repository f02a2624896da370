// The reference's topology layout (multipath -d / -l / -ll):
//
//   create: 3600a0980... undef Linux,scsi_debug    (": 3600a..." in a dry run)
//   size=8.0M features='0' hwhandler='1 alua' wp=undef
//   |-+- policy='service-time 0' prio=50 status=undef
//   | `- 0:0:0:0 sda 8:0  undef ready running
//   `-+- policy='service-time 0' prio=1 status=undef
//     `- 2:0:0:0 sdi 8:128 undef ready running
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/multipath_map.h"
#include "model/path_set.h"

namespace mpx {

// Sectors as the reference prints sizes: KiB-based units K M G T P, one
// decimal below 10 ("8.0M", "10G", "1.5T").
std::string FormatSize(uint64_t sectors);

struct TopologyStyle {
  // "create" or "reload" prints "create: ..."; "" prints ": ..." as the
  // reference does in dry runs (-d); nullopt (a plain listing) prints no prefix.
  std::optional<std::string> action;
  std::string dm_node = "undef";
  std::string status = "undef";  // of groups and dm path states without kernel state
  std::string wp = "undef";      // write protection: rw, ro
  // The dm state column's width: the reference lays its columns out over
  // every path before it acts, so "undef" is padded to "active" when any
  // path is in an existing map.
  size_t dm_state_width = 0;
};

// One map's block of lines, each ending in '\n'.
std::string FormatTopology(const MultipathMap& map, const PathSet& paths,
                           const TopologyStyle& style);

}  // namespace mpx
