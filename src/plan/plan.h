// Plan: what must change in the kernel to turn the current multipath maps
// into the wanted ones. Pure: the caller reads the kernel and executes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/dm_map_info.h"
#include "model/dm_table.h"
#include "model/multipath_map.h"

namespace mpx {

struct WantedMap {
  MultipathMap map;  // name, wwid, groups...
  DmTable table;
  // What udev's rules are told with the map's event (the reference's flags).
  bool skip_kpartx = false;  // skip_kpartx: no partition maps
  // A rename takes the map's partition maps along, with this delimiter
  // (partition_delimiter; nullopt: "p" after a digit, else none).
  std::optional<std::string> partition_delimiter;
  bool no_usable_path = false;  // every path is known to be down: nothing to scan
  // multipathd's ghost_delay: a new map of ghost paths only, held from
  // udev's scan (no_usable_path) this many seconds or until a path is up.
  int ghost_delay = 0;
};

struct CurrentMap {
  DmMapInfo info;
  std::optional<DmTable> table;  // nullopt when the kernel's table did not parse
};

enum class ActionKind {
  kNothing,       // the map is as wanted
  kCreate,        // no map with this uuid
  kReload,        // the table differs (or -r)
  kRename,        // only the name differs
  kRenameReload,  // both
  kConflict,      // the wanted name belongs to another map: left alone
};

struct MapAction {
  ActionKind kind = ActionKind::kNothing;
  size_t wanted = 0;                     // index into the wanted maps
  std::string current_name;              // of the existing map, "" for a create
  std::optional<DmTable> current_table;  // for --diff
  std::string reason;                    // for -v3 and JSON
  bool forced = false;                   // -r / reconfigure all: udev scans the map again
};

// The word the reference prints before a map's topology: "create", "reload",
// "rename", "" for nothing.
std::string_view ActionWord(ActionKind kind);

// When an existing map is reloaded.
enum class ReloadRule {
  // When its table differs from the wanted one.
  kWhenDifferent,
  // Always, even when equal: multipath -r, reconfigure all.
  kAlways,
};

// One action per wanted map, in wanted order. Maps are matched by DM uuid
// "mpath-<wwid>". As the reference (0.9.4 in the lab): a map whose name
// changes is only renamed, unless the reload is forced (then renamed and
// reloaded).
std::vector<MapAction> PlanActions(const std::vector<WantedMap>& wanted,
                                   const std::vector<CurrentMap>& current, ReloadRule rule);

}  // namespace mpx
