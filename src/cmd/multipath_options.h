// The multipath command line, parsed into a value. No globals, no printing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"

namespace mpx {

// What the command does; the reference's mutually exclusive modes.
enum class MultipathMode {
  kCreate,        // default: create or reload maps (-d: only show)
  kList,          // -l: maps from sysfs and dm
  kListCheck,     // -ll: also checkers and prioritizers
  kFlush,         // -f map
  kFlushAll,      // -F
  kAddWwid,       // -a dev: add its WWID to the wwids file
  kRemoveWwid,    // -w dev: remove it
  kResetWwids,    // -W: the wwids file holds exactly the existing maps
  kCheckPath,     // -c dev: is it a multipath path?
  kUeventPath,    // -u: the same for the device of the udev event
  kUsablePaths,   // -C map: has it a usable path?
  kUeventUsable,  // -U: the same for the device of the udev event
  kShowConfig,    // -t: the configuration in effect
  kShowPresent,   // -T: the same, limited to the devices and maps present
  kCheckConfig,   // --check-config [FILE]: lint the configuration
  kExplain,       // --explain DEV|WWID|MAP: why mpx does what it does
};

struct MultipathOptions {
  MultipathMode mode = MultipathMode::kCreate;
  bool dry_run = false;                        // -d
  bool diff = false;                           // --diff (with -d): current vs wanted table
  bool force_reload = false;                   // -r
  bool ignore_wwids = false;                   // -i
  bool bindings_read_only = false;             // -B
  bool allow_queueing = false;                 // -q
  std::optional<std::string> grouping_policy;  // -p
  std::optional<std::string> bindings_file;    // -b
  std::optional<int> flush_retries;            // -R (else remove_retries)
  int verbosity = 2;                           // -v N
  bool json = false;                           // --json
  bool help = false;                           // -h
  bool version = false;                        // --version
  std::string sysfs_root = "/sys";             // --sysfs DIR (tests, benchmarks, recorded trees)
  bool use_udev = true;                        // --no-udev: ignore udev's database
  std::vector<std::string> devices;            // device, maj:min, WWID or map name

  // --sysfs names a tree other than this machine's /sys (a recorded one).
  bool recorded_sysfs() const { return sysfs_root != "/sys"; }
};

// Parses argv[1..]. Errors name the offending word: "unknown option -x",
// "-v needs a verbosity 0-3, not \"9\"", "option -c is not implemented yet".
Result<MultipathOptions> ParseMultipathOptions(const std::vector<std::string>& args);

std::string MultipathUsage();

}  // namespace mpx
