// Reports of what discovery found and what would be created: JSON (schema in
// docs/json.md) and the -v3 per-path detail lines.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "discovery/discover.h"
#include "model/multipath_map.h"

namespace mpx {

inline constexpr const char* kJsonSchemaVersion = "1.2";

// The whole plan as one JSON document; `actions[i]` is what happens to
// maps[i]: "create", "reload", "rename", "none", "conflict". `dm_absent`:
// why device-mapper was unavailable when the plan was made against no
// existing maps; nullopt when the kernel's maps were read.
std::string DiscoveryJson(const DiscoveryResult& found, const std::vector<MultipathMap>& maps,
                          const std::vector<std::string>& actions, bool dry_run,
                          const std::optional<std::string>& dm_absent = std::nullopt);

// One line per fact for -v3: "sdb: wwid 3600... (source sysfs vpd_pg83)", and
// one per skipped device with its reason.
std::string DiscoveryDetails(const DiscoveryResult& found);

}  // namespace mpx
