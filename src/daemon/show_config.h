// multipathd's show config, show config local, show blacklist and show
// devices: the configuration the daemon runs with, as the reference prints it.
#pragma once

#include <string>

#include "daemon/state.h"
#include "kernel/sysfs.h"
#include "policy/blacklist.h"

namespace mpx {

// `show config`: the merged configuration as `multipath -t` prints it (with
// the daemon's own runtime values). `show config local` (local = true):
// limited to the devices and maps the daemon has, as `multipath -T`.
std::string ShowConfigText(const Snapshot& s, bool local);

// `show blacklist`: every rule by kind (device node, udev property,
// protocol, wwid, device), blacklist then exceptions, each marked
// "(config file rule)" or "(default rule)" (the compiled-in rules and the
// hardware table's product_blacklist), "<empty>" for none.
std::string ShowBlacklistText(const Blacklist& blacklist);

// `show devices`: each block device in sysfs (sorted by name), whether its
// node name is blacklisted and whether the daemon monitors it.
std::string ShowDevicesText(const Snapshot& s, const Blacklist& blacklist, const Sysfs& sysfs);

}  // namespace mpx
