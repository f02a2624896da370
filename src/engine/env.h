// Env: every kernel surface, file and service the steps touch, so that the
// one-shot commands and the daemon run the same steps over real or fake
// implementations.
#pragma once

#include <string>

#include "base/logger.h"
#include "base/thread_pool.h"
#include "kernel/clock.h"
#include "kernel/devmapper.h"
#include "kernel/files.h"
#include "kernel/scsi_io.h"
#include "kernel/sysfs.h"
#include "kernel/udev.h"

namespace mpx {

// Where the configuration and state files are.
struct FilePaths {
  std::string config_file = "/etc/multipath.conf";
  std::string config_dir = "/etc/multipath/conf.d";
  std::string bindings_file = "/etc/multipath/bindings";
  std::string wwids_file = "/etc/multipath/wwids";
  std::string prkeys_file = "/etc/multipath/prkeys";
  std::string lock_file = "/run/mpx/multipath.lock";
  // find_multipaths smart: one record per waiting device number.
  std::string find_multipaths_dir = "/run/multipath/find_multipaths";  // as the reference
};

struct Env {
  const Sysfs& sysfs;
  const UdevDb& udev;
  ScsiIo& scsi;
  DeviceMapper& dm;
  Files& files;
  Clock& clock;
  ThreadPool& pool;  // blocking work: sysfs reads, SCSI commands
  Logger& log;
  FilePaths paths;
  bool daemon_running = false;  // multipathd answers on its socket
};

}  // namespace mpx
