// Discover: every SCSI disk path under a sysfs root, with its WWID.
//
// Devices that are blacklisted, not SCSI disks, unreadable or without identity
// are listed in `skipped` with the reason; none of that is fatal.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "discovery/wwid.h"
#include "model/path_set.h"
#include "policy/blacklist.h"

namespace mpx {

struct DiscoveryResult {
  PathSet paths;  // in sysfs device-path order, as udev enumerates
  std::vector<SkippedDevice> skipped;
};

class ThreadPool;

// Reads the devices in parallel on `pool` (sysfs and SG_IO calls block).
DiscoveryResult Discover(const WwidEnv& env, const Blacklist& blacklist, ThreadPool& pool);

// The path's unit serial number (VPD page 0x80) from sysfs, else SG_IO, for
// group_by_serial; "" when the device has none. Reads only when needed.
std::string ReadSerial(const WwidEnv& env, const Path& path);

// The sysfs VPD 0x83 page of a path (nullopt when sysfs has none); sets the
// path's target port group from it.
std::optional<std::string> ReadPg83(const Sysfs& sysfs, Path& path);

// One device only (a "multipath sdb" argument). Errors say why it is no path.
Result<Path> DiscoverOne(const WwidEnv& env, const Blacklist& blacklist, const std::string& dev);

}  // namespace mpx
