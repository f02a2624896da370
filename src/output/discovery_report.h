// Reports of what discovery found and what would be created: JSON (schema in
// docs/json.md) and the -v3 per-path detail lines.
#pragma once

#include <string>
#include <vector>

#include "discovery/discover.h"
#include "model/multipath_map.h"

namespace mpx {

inline constexpr const char* kJsonSchemaVersion = "1.1";

// The whole plan as one JSON document; `actions[i]` is what happens to
// maps[i]: "create", "reload", "rename", "none", "conflict".
std::string DiscoveryJson(const DiscoveryResult& found, const std::vector<MultipathMap>& maps,
                          const std::vector<std::string>& actions, bool dry_run);

// One line per fact for -v3: "sdb: wwid 3600... (source sysfs vpd_pg83)", and
// one per skipped device with its reason.
std::string DiscoveryDetails(const DiscoveryResult& found);

}  // namespace mpx
