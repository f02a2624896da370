// DmMapInfo: what the kernel's device-mapper says about one map (name, uuid,
// device number, open count, flags). A plain value.
#pragma once

#include <cstdint>
#include <string>

namespace mpx {

struct DmMapInfo {
  std::string name;
  std::string uuid;  // "mpath-<wwid>" for multipath maps
  uint32_t major = 0;
  uint32_t minor = 0;
  int open_count = 0;
  bool suspended = false;
  bool read_only = false;
  bool inactive_table = false;   // a table was loaded and not yet resumed
  bool deferred_remove = false;  // removal is pending until the last close
  uint32_t event_nr = 0;
  std::string DevT() const { return std::to_string(major) + ":" + std::to_string(minor); }
};

}  // namespace mpx
