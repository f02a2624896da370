// Is a device a multipath path? The answer `multipath -c` and `multipath -u`
// give (udev then hides the path from everything but multipath), as the
// reference decides it for each find_multipaths mode. Pure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "model/settings.h"

namespace mpx {

enum class PathValidity {
  kNo,
  kYes,
  kMaybe,  // find_multipaths smart: a single path that may get siblings soon
};

struct PathFacts {
  FindMultipaths mode = FindMultipaths::kStrict;
  bool blacklisted = false;
  bool in_wwids_file = false;
  bool in_map = false;         // a map with this WWID exists
  size_t paths_with_wwid = 1;  // this path and its siblings now present
};

// `why` gets a one-line reason ("in the wwids file", ...).
PathValidity DecidePathValidity(const PathFacts& facts, std::string* why);

// find_multipaths_timeout: seconds a single path waits for siblings in smart
// mode. A positive value applies to every device; a negative one only to
// known hardware (a devices entry), others wait 1 s; 0 means the default -10.
int64_t SmartWaitSeconds(int64_t configured, bool known_hardware);

// The wait of one path in smart mode, kept in a small record per device
// number. The first question starts the wait (until = start + timeout, start
// being when udev first saw the device); later ones compare `now` with the
// recorded end. Times are seconds on the clock udev uses (CLOCK_MONOTONIC).
struct SmartWait {
  bool waiting = false;
  double until = 0;         // valid when waiting
  bool record_new = false;  // the caller stores `until` as the record
};
SmartWait DecideSmartWait(std::optional<double> recorded_until, double start, double now,
                          int64_t timeout_seconds);

// The udev answer: FIND_MULTIPATHS_WAIT_UNTIL (smart only) and
// DM_MULTIPATH_DEVICE_PATH lines, as the reference prints them.
std::string FormatValidity(PathValidity v, const std::optional<SmartWait>& wait);

// After a map is created: does its path need a "change" uevent so that udev's
// rules classify it as a multipath member? Not when udev already did
// (DM_MULTIPATH_DEVICE_PATH=1), unless a find_multipaths smart wait is still
// running (FIND_MULTIPATHS_WAIT_UNTIL set and not 0): the event ends it. The
// two arguments are those udev properties, nullptr when absent.
bool NeedsMemberUevent(const std::string* device_path, const std::string* wait_until);

}  // namespace mpx
