// Determining a path's WWID the way the reference does.
//
// Order: udev's uid_attribute (ID_SERIAL) when udev knows the device; else
// sysfs device/vpd_pg83; else INQUIRY VPD 0x83 over SG_IO; else VPD page 0x80
// (sysfs, then SG_IO). Each step's failure is kept so that a device without
// identity can be reported with the whole story.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>

#include "base/result.h"
#include "kernel/scsi_io.h"
#include "kernel/sysfs.h"
#include "kernel/udev.h"
#include "model/path.h"

namespace mpx {

struct WwidEnv {
  const Sysfs& sysfs;
  const UdevDb& udev;
  ScsiIo& scsi;
  std::string uid_attribute = "ID_SERIAL";
  // The udev property to take a path's WWID from, chosen per path from its
  // INQUIRY identity and kernel name (the configuration's uid_attrs, then
  // uid_attribute by overrides > devices > defaults). Unset: uid_attribute.
  std::function<std::string(const Path&)> uid_attribute_for;
  // allow_usb_devices: without it, discovery skips paths over USB.
  bool allow_usb_devices = false;
};

// The udev property `path`'s WWID comes from ("" : none, sysfs and SG_IO only).
std::string UidAttributeOf(const WwidEnv& env, const Path& path);

struct WwidFound {
  std::string wwid;
  std::string source;  // where it came from, for -v3 and JSON
};

// `sysfs_pg83` is the device's vpd_pg83 attribute as the caller read it
// (nullopt when absent). Returns the WWID or an error whose message lists why
// each source failed ("sdb: no WWID: udev: ...; sysfs vpd_pg83: ...; ...").
Result<WwidFound> DetermineWwid(const WwidEnv& env, const Path& path,
                                const std::optional<std::string>& sysfs_pg83);
// The same with the device's udev properties already looked up (nullopt:
// udev has no record of it).
Result<WwidFound> DetermineWwid(const WwidEnv& env, const Path& path,
                                const std::optional<std::string>& sysfs_pg83,
                                const std::optional<Properties>& udev_props);

// The target port group id in a VPD 0x83 page, when it has a TPG designator.
std::optional<int> TargetPortGroup(std::span<const uint8_t> page);

}  // namespace mpx
