// Reading one SCSI disk path's attributes from sysfs (everything but its WWID).
#pragma once

#include <string_view>

#include "base/result.h"
#include "kernel/sysfs.h"
#include "model/path.h"

namespace mpx {

// Parses "H:C:T:L"; an error for anything else.
Result<Hctl> ParseHctl(std::string_view s);
// Parses a "dev" attribute, "8:16\n".
Result<std::pair<uint32_t, uint32_t>> ParseDevT(std::string_view s);

// Reads block/<dev>: dev_t, size, the SCSI device it sits on (H:C:T:L, vendor,
// model, rev, state), ALUA attributes and transport. Errors name the device
// and the attribute; a device that is not a SCSI disk is an error too.
Result<Path> ReadScsiPath(const Sysfs& sysfs, std::string_view dev);

// The transport of the SCSI device at `scsi_dev_path` (relative to the root):
// fc, iscsi, sas, srp, spi, usb, ata or unspec.
std::string DetectTransport(const Sysfs& sysfs, std::string_view scsi_dev_path, const Hctl& hctl);

}  // namespace mpx
