// `multipath -l/-ll --json`: the kernel's maps with their groups and paths.
#pragma once

#include <string>
#include <vector>

#include "model/multipath_map.h"
#include "model/path_set.h"

namespace mpx {

struct ListedMap {
  MultipathMap map;
  std::string dm_node;  // "dm-3"
  std::string dev_t;    // "254:3"
  std::string wp;       // "rw" or "ro"
};

// `checked` (-ll): checker states and priorities are meaningful.
std::string ListJson(const std::vector<ListedMap>& maps, const PathSet& paths, bool checked);

}  // namespace mpx
