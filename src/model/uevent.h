// A kernel/udev event about a block device, as the daemon consumes it.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace mpx {

struct Uevent {
  std::string action;   // add, remove, change, ...
  std::string devname;  // kernel name: "sdb", "dm-3"
  std::string devpath;  // "/devices/.../block/sdb"
  std::string devtype;  // "disk", "partition"
  unsigned major = 0;
  unsigned minor = 0;
  uint64_t seqnum = 0;
  // Every property (DM_ACTION, DM_PATH, DM_NAME, DM_UUID, ID_SERIAL, ...).
  std::map<std::string, std::string> env;

  std::string Get(const std::string& key) const {
    auto it = env.find(key);
    return it == env.end() ? "" : it->second;
  }
};

}  // namespace mpx
