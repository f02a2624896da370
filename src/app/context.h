// Context: every kernel surface and file the multipath command touches, so
// that tests can run the whole command over fakes and temporary files.
#pragma once

#include <functional>
#include <map>
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
  // find_multipaths smart: one record per waiting device number.
  std::string find_multipaths_dir = "/dev/shm/multipath/find_multipaths";
  bool daemon_running = false;  // multipathd answers on its socket
  // The udev event's environment (DEVNAME, DEVPATH, MAJOR, MINOR,
  // USEC_INITIALIZED) for -u and -U; empty outside udev.
  std::map<std::string, std::string> uevent;
  // Seconds on CLOCK_MONOTONIC, udev's clock; tests replace it.
  std::function<double()> monotonic_now = MonotonicSeconds;

  static double MonotonicSeconds();
};

// What a command prints and returns; library code never prints.
struct CommandOutput {
  std::string out;
  std::string err;
  int exit_code = 0;
};

}  // namespace mpx
