// The one-shot commands' requests: plain values, filled from the command
// line by src/cmd (or by anything else that wants a command run).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/settings.h"

namespace mpx {

// multipath [-d] [-r] [-i] [-B] [-q] [-p policy] [-b file] [DEVICE...]
struct CreateRequest {
  bool dry_run = false;                      // -d: show what would be done
  bool diff = false;                         // --diff: current vs wanted table (with -d)
  bool force_reload = false;                 // -r
  bool ignore_wwids = false;                 // -i
  bool bindings_read_only = false;           // -B
  bool allow_queueing = false;               // -q
  std::optional<GroupingPolicy> grouping;    // -p
  std::optional<std::string> bindings_file;  // -b
  bool json = false;
  int verbosity = 2;
  // The paths come from a recorded sysfs tree, not this machine's: a dry run
  // then plans against no maps when device-mapper is missing.
  bool recorded_sysfs = false;
  std::vector<std::string> devices;  // WWIDs, map names or paths to limit the run to
};

// multipath -l / -ll [DEVICE...]
struct ListRequest {
  bool check = false;  // -ll: run checkers and prioritizers
  bool json = false;
  int verbosity = 2;
  std::vector<std::string> devices;
};

// multipath -t / -T: the configuration in effect, as multipath.conf text.
// multipath --check-config [FILE]
struct CheckConfigRequest {
  std::string file;  // "" : multipath.conf and its conf.d
};

struct ShowConfigRequest {
  bool present_only = false;  // -T: only the devices and maps present
  int verbosity = 2;
};

// multipath -f MAP... / -F
struct FlushRequest {
  bool all = false;
  // -R: times to try again, a second apart, while a map is busy; nullopt:
  // the configuration's remove_retries, as the reference.
  std::optional<int> retries;
  int verbosity = 2;
  std::vector<std::string> maps;
};

// multipath -a / -w / -W
struct WwidsRequest {
  enum class Op { kAdd, kRemove, kReset };
  Op op = Op::kAdd;
  bool dry_run = false;
  std::vector<std::string> devices;  // paths, map names or WWIDs
};

// The udev event's environment (DEVNAME, DEVPATH, MAJOR, MINOR,
// USEC_INITIALIZED) for -u and -U.
using UeventEnv = std::map<std::string, std::string>;

// multipath -c DEV / -u
struct ValidPathRequest {
  bool from_uevent = false;  // -u
  int verbosity = 2;
  std::vector<std::string> devices;
  UeventEnv uevent;
};

// multipath -C MAP / -U
struct UsablePathsRequest {
  bool from_uevent = false;  // -U
  int verbosity = 2;
  std::vector<std::string> devices;
  UeventEnv uevent;
};

}  // namespace mpx
