// The multipath command line, parsed into a value. No globals, no printing.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"

namespace mpx {

struct MultipathOptions {
  bool dry_run = false;     // -d
  int verbosity = 2;        // -v N
  bool json = false;        // --json
  bool help = false;        // -h
  bool version = false;     // --version
  std::string sysfs_root = "/sys";  // --sysfs DIR (tests, benchmarks, recorded trees)
  bool use_udev = true;     // --no-udev: ignore udev's database
  std::vector<std::string> devices;  // device, maj:min, WWID or map name
};

// Parses argv[1..]. Errors name the offending word: "unknown option -x",
// "-v needs a number 0-3, not \"9\"", "option -l is not implemented yet".
Result<MultipathOptions> ParseMultipathOptions(const std::vector<std::string>& args);

std::string MultipathUsage();

}  // namespace mpx
