// Context: every kernel surface and file the multipath command touches, so
// that tests can run the whole command over fakes and temporary files.
#pragma once

#include <string>

#include "kernel/devmapper.h"
#include "kernel/scsi_io.h"
#include "kernel/sysfs.h"
#include "kernel/udev.h"

namespace mpx {

struct Context {
  const Sysfs& sysfs;
  const UdevDb& udev;
  ScsiIo& scsi;
  DeviceMapper& dm;
  std::string config_file = "/etc/multipath.conf";
  std::string config_dir = "/etc/multipath/conf.d";
  std::string bindings_file = "/etc/multipath/bindings";
  std::string wwids_file = "/etc/multipath/wwids";
  std::string lock_file = "/run/mpx/multipath.lock";
  bool daemon_running = false;  // multipathd answers on its socket
};

// What a command prints and returns; library code never prints.
struct CommandOutput {
  std::string out;
  std::string err;
  int exit_code = 0;
};

}  // namespace mpx
