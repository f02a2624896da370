// MultipathMap: a wanted (or, later, current) dm-multipath map: groups of
// paths with priorities, features and handler. Plain value.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/path_id.h"

namespace mpx {

struct PathGroup {
  std::vector<PathId> paths;
  int priority = 0;
  std::string selector = "service-time 0";
  bool marginal = false;  // a group of marginal paths (marginal_pathgroups on)
  // Kernel state, for listings of existing maps: "active", "enabled",
  // "disabled"; per path "active" or "failed". Empty for wanted maps.
  std::string dm_state;
  std::vector<std::string> path_dm_states;
};

struct MultipathMap {
  std::string name;
  std::string wwid;
  std::string vendor;
  std::string model;
  std::string rev;
  uint64_t size_sectors = 0;
  std::string features = "0";
  std::string hwhandler = "0";
  std::vector<PathGroup> groups;  // best first
};

}  // namespace mpx
