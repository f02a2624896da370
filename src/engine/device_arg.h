// Device arguments as the reference reads them: "/dev/NAME" is a device node,
// "MAJ:MIN" a device number, anything else a map name or WWID.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "kernel/files.h"
#include "kernel/sysfs.h"

namespace mpx {

enum class DeviceArgKind { kDevNode, kDevT, kOther };

struct DeviceArg {
  DeviceArgKind kind = DeviceArgKind::kOther;
  std::string text;
};

DeviceArg ClassifyDeviceArg(std::string_view arg);

// The sysfs block name ("sdb", "dm-3") of a device node or number. A node that
// is a symlink (/dev/mapper/x, /dev/disk/by-id/...) is followed first. The
// error names the argument.
Result<std::string> BlockName(const Sysfs& sysfs, const Files& files, const DeviceArg& arg);

// "8:16" of a block device, from sysfs.
Result<std::string> BlockDevT(const Sysfs& sysfs, const std::string& name);

}  // namespace mpx
