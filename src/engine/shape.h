// Shaping: from the paths found to the maps wanted. Pure steps over values:
//   SelectArgs   the candidates the command's arguments name;
//   ChooseMaps   find_multipaths: which candidates become maps, each with its
//                resolved configuration;
//   BuildWanted  (after the paths were checked) groups, priorities, names
//                and tables.
// The one-shot commands and the daemon shape maps with these same steps.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "config/config.h"
#include "engine/map_config.h"
#include "engine/naming.h"
#include "model/candidate_map.h"
#include "model/path_set.h"
#include "model/settings.h"
#include "plan/plan.h"
#include "state/wwids.h"

namespace mpx {

struct ShapeOptions {
  bool ignore_wwids = false;               // -i: find_multipaths ignores the wwids file
  bool named = false;                      // devices were named: they count as wanted
  std::optional<GroupingPolicy> grouping;  // -p: overrides path_grouping_policy
  bool allow_queueing = false;             // -q
  bool daemon_running = false;             // multipathd watches the maps
  // The one-shot multipath without -r, as the reference (0.9.4, in the
  // lab): an existing map that already holds every path of its WWID is left
  // as it is, not even named, whatever the configuration says now.
  bool keep_settled_maps = false;
};

// Keeps the candidates `args` select (a WWID, an existing map's name, a path
// as sdX, /dev/sdX or MAJ:MIN). An argument that selects nothing is an
// error, with discovery's reason when it skipped the device. No arguments:
// every candidate stays.
Status SelectArgs(const std::vector<std::string>& args, const PathSet& paths,
                  const std::vector<SkippedDevice>& skipped, const std::vector<CurrentMap>& current,
                  std::vector<CandidateMap>& candidates);

struct Chosen {
  std::vector<CandidateMap> maps;
  std::vector<MapConfig> configs;    // configs[i] is maps[i]'s
  std::vector<std::string> explain;  // -v3: why candidates were left out
};

// find_multipaths for one candidate: whether it becomes a map, and why
// (-v3 says why one is left out; --explain says either).
struct MultipathVerdict {
  bool multipath = false;
  std::string why;
};
MultipathVerdict FindMultipathsVerdict(FindMultipaths policy, const CandidateMap& c, bool exists,
                                       bool named, const WwidsFile& wwids, bool ignore_wwids);

// find_multipaths over the candidates (existing maps always stay), then
// each chosen map's configuration. Without multipathd (and without -q) no
// map queues: queue_if_no_path is left out, as the reference does.
Chosen ChooseMaps(const Config& config, FindMultipaths policy, std::vector<CandidateMap> candidates,
                  const PathSet& paths, const std::vector<CurrentMap>& current,
                  const WwidsFile& wwids, const ShapeOptions& options);

// The wanted maps, named by `namer`, with the tables to load; uses the
// paths' checker states and priorities. `explain` gets each map's settings
// with their origins and its alias's. Fails on a table that cannot be built (a malformed features
// or hardware_handler setting), naming the map.
Result<std::vector<WantedMap>> BuildWanted(const Chosen& chosen, const PathSet& paths, Namer& namer,
                                           std::vector<std::string>* explain);

// ghost_delay, as the reference's multipathd: a map about to be created
// whose paths are ghosts (standby) and none up is held from udev's scan
// (no usable path) for its ghost_delay, waiting for an active path.
void HoldGhostMaps(const Chosen& chosen, std::vector<WantedMap>& wanted, const PathSet& paths,
                   const std::vector<CurrentMap>& current);

}  // namespace mpx
