#include "policy/path_validity.h"

#include <cinttypes>
#include <cmath>
#include <cstdio>

namespace mpx {

PathValidity DecidePathValidity(const PathFacts& f, std::string* why) {
  if (f.blacklisted) {
    *why = "blacklisted";
    return PathValidity::kNo;
  }
  if (f.mode == FindMultipaths::kGreedy) {
    *why = "find_multipaths greedy";
    return PathValidity::kYes;
  }
  if (f.in_wwids_file) {
    *why = "in the wwids file";
    return PathValidity::kYes;
  }
  if (f.in_map) {
    *why = "part of an existing map";
    return PathValidity::kYes;
  }
  // strict, off and on answer alike here: a lone question about one device
  // cannot tell "on"'s two paths from a later second path.
  if (f.mode != FindMultipaths::kSmart) {
    *why = "not in the wwids file and no map has it";
    return PathValidity::kNo;
  }
  if (f.paths_with_wwid > 1) {
    *why = "find_multipaths smart: " + std::to_string(f.paths_with_wwid) + " paths have this WWID";
    return PathValidity::kYes;
  }
  *why = "find_multipaths smart: the only path with this WWID so far";
  return PathValidity::kMaybe;
}

int64_t SmartWaitSeconds(int64_t configured, bool known_hardware) {
  if (configured == 0) configured = -10;
  if (configured > 0) return configured;
  return known_hardware ? -configured : 1;
}

SmartWait DecideSmartWait(std::optional<double> recorded_until, double start, double now,
                          int64_t timeout_seconds) {
  SmartWait w;
  if (!recorded_until) {
    // The first question opens the wait, as the reference does, even when
    // the device appeared long ago.
    w.waiting = true;
    w.until = start + static_cast<double>(timeout_seconds);
    w.record_new = true;
    return w;
  }
  w.waiting = now < *recorded_until;
  w.until = *recorded_until;
  return w;
}

std::string FormatValidity(PathValidity v, const std::optional<SmartWait>& wait) {
  std::string out;
  if (wait) {
    if (wait->waiting) {
      double secs = std::floor(wait->until);
      char buf[64];
      std::snprintf(buf, sizeof buf, "FIND_MULTIPATHS_WAIT_UNTIL=\"%" PRId64 ".%06" PRId64 "\"\n",
                    static_cast<int64_t>(secs),
                    static_cast<int64_t>(std::llround((wait->until - secs) * 1e6)) % 1000000);
      out += buf;
    } else {
      out += "FIND_MULTIPATHS_WAIT_UNTIL=\"0\"\n";
    }
  }
  const char* n = v == PathValidity::kYes ? "1" : v == PathValidity::kMaybe ? "2" : "0";
  out += std::string("DM_MULTIPATH_DEVICE_PATH=\"") + n + "\"\n";
  return out;
}

bool NeedsMemberUevent(const std::string* device_path, const std::string* wait_until) {
  if (device_path == nullptr || *device_path != "1") return true;
  return wait_until != nullptr && *wait_until != "0";
}

}  // namespace mpx
