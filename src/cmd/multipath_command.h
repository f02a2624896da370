// The multipath command's work, apart from main(): testable with fakes.
#pragma once

#include <string>

#include "cmd/multipath_options.h"
#include "kernel/scsi_io.h"
#include "kernel/sysfs.h"
#include "kernel/udev.h"

namespace mpx {

struct CommandOutput {
  std::string out;
  std::string err;
  int exit_code = 0;
};

struct MultipathEnv {
  const Sysfs& sysfs;
  const UdevDb& udev;
  ScsiIo& scsi;
};

CommandOutput RunMultipath(const MultipathOptions& options, MultipathEnv& env);

}  // namespace mpx
