#include "engine/dm_unavailable.h"

#include <system_error>

namespace mpx {
namespace {

// "/dev/mapper/control: open failed: No such device", as libdevmapper says it.
std::string OpenFailure(const DmAvailability& a) {
  if (a.open_errno == 0) return a.control_node + ": opens, but the driver does not answer";
  return a.control_node +
         ": open failed: " + std::error_code(a.open_errno, std::generic_category()).message();
}

std::string Fix(const DmAvailability& a) {
  switch (a.absence) {
    case DmAbsence::kNoDriver:
      return "load it with \"modprobe dm_mod\"";
    case DmAbsence::kNoControlNode:
      return "make the node with \"dmsetup mknodes\"";
    case DmAbsence::kNoAccess:
      return "run it as root";
    case DmAbsence::kNoAnswer:
      return "see the kernel log (dmesg)";
    case DmAbsence::kNone:
      break;
  }
  return "";
}

}  // namespace

std::string DmAbsenceCause(const DmAvailability& a) {
  switch (a.absence) {
    case DmAbsence::kNoDriver:
      return a.in_proc_misc == false
                 ? "the dm_mod module is not loaded (/proc/misc lists no device-mapper)"
                 : "the kernel has no device-mapper driver behind " + a.control_node +
                       " (is the dm_mod module loaded?)";
    case DmAbsence::kNoControlNode:
      return std::string(a.in_proc_misc ? "the driver is loaded (/proc/misc lists device-mapper) "
                                          "but "
                                        : "") +
             a.control_node + " is missing or not device-mapper's device node";
    case DmAbsence::kNoAccess:
      return a.control_node + " is not open to this user";
    case DmAbsence::kNoAnswer:
      return "the driver does not answer on " + a.control_node;
    case DmAbsence::kNone:
      break;
  }
  return "device-mapper is available";
}

std::vector<std::string> DmUnavailableLines(const DmAvailability& a) {
  return {OpenFailure(a), "Failure to communicate with kernel device-mapper driver.",
          "Check that device-mapper is available in the kernel: " + DmAbsenceCause(a) + "; " +
              Fix(a) + "."};
}

void LogDmFailure(DeviceMapper& dm, const Error& e, Logger& log) {
  DmAvailability a = dm.Availability();
  if (IsDmUnavailable(e) && !a.available()) {
    for (const std::string& line : DmUnavailableLines(a)) log.Error(line);
  } else {
    log.Error(e.message);
  }
}

}  // namespace mpx
