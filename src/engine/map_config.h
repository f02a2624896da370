// MapConfig: everything the configuration decides for one map, resolved once
// from multipath.conf's precedence (config/resolve.h) for the map's WWID and
// its first path's identity, with the origin of each value for -v3.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checker/prioritizer.h"
#include "config/config.h"
#include "config/keywords.h"
#include "model/path.h"
#include "policy/dm_table.h"
#include "policy/topology.h"

namespace mpx {

struct MapConfig {
  MapSettings settings;        // grouping, selector, features, hardware handler
  TableOptions table;          // rr_min_io_rq, rr_weight, queueing
  std::string prio = "const";  // the prioritizer's name, and its prio_args
  std::string prio_args;
  bool detect_prio = true;
  std::string checker = "tur";  // path_checker
  // The checker a device section (user or built-in) names for the device,
  // "" when none: detect_checker asks for rdac only when it is empty or rdac.
  std::string hwe_checker;
  bool detect_checker = true;
  int checker_timeout = 0;  // seconds; 0: the device's own SCSI timeout
  std::string alias;        // from the multipaths section, "" when none
  bool user_friendly_names = false;
  std::string alias_prefix = "mpath";
  // reservation_key (multipaths, defaults): a key, or "file" (the prkeys
  // file has it); nullopt when none is set.
  std::optional<PrKey> reservation_key;
  // skip_kpartx: udev's kpartx rule leaves the map without partition maps.
  bool skip_kpartx = false;
  // partition_delimiter: between a renamed map's name and its partition
  // maps' numbers (nullopt: "p" after a digit, else none).
  std::optional<std::string> partition_delimiter;
  // ghost_delay: seconds multipathd keeps a new map of ghost paths only from
  // udev's scan, waiting for an active path (0: none).
  int ghost_delay = 0;
  // "<wwid>: path_grouping_policy = failover (setting: multipath internal)",
  // in the order the reference prints them at -v3.
  std::vector<std::string> explain;
};

// Unknown prioritizer names are reported in `explain` and fall back to const.
MapConfig ResolveMapConfig(const Config& config, const Path& first_path, const std::string& wwid);

}  // namespace mpx
