// What the commands say when the kernel's device-mapper cannot be used at all
// (DeviceMapper::Availability(), kDmUnavailable errors).
//
// The reference (multipath-tools 0.9.4) exits 1 from every command that needs
// device-mapper and prints libdevmapper's own lines, e.g. on a kernel without
// dm_mod:
//   /dev/mapper/control: open failed: No such device
//   Failure to communicate with kernel device-mapper driver.
//   Check that device-mapper is available in the kernel.
// mpx says the same and adds the cause it found and the fix:
//   ... available in the kernel: /proc/misc lists no device-mapper, so the
//   dm_mod module is not loaded; load it with "modprobe dm_mod".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/logger.h"
#include "kernel/devmapper.h"

namespace mpx {

// The explanation above, one line each, without a program prefix.
std::vector<std::string> DmUnavailableLines(const DmAvailability& a);

// The cause alone, for notes and JSON: "the dm_mod module is not loaded
// (/proc/misc lists no device-mapper)".
std::string DmAbsenceCause(const DmAvailability& a);

// Logs a failed device-mapper call (error level): the explanation when `e`
// says device-mapper is unavailable, else e's message.
void LogDmFailure(DeviceMapper& dm, const Error& e, Logger& log);

}  // namespace mpx
