// multipath: find SCSI paths, identify LUNs, and create, reload, list and
// flush their dm-multipath maps.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "cmd/multipath_command.h"
#include "cmd/multipath_options.h"
#include "kernel/daemon_probe.h"
#include "kernel/devmapper.h"
#include "kernel/files.h"
#include "kernel/scsi_io.h"
#include "kernel/sysfs.h"
#include "kernel/udev.h"

namespace {

int Fail(const std::string& msg) {
  std::fprintf(stderr, "multipath: %s\n", msg.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  auto options = mpx::ParseMultipathOptions(args);
  if (!options.ok()) return Fail(options.error().message + " (multipath -h for help)");
  if (options->help) {
    std::fputs(mpx::MultipathUsage().c_str(), stdout);
    return 0;
  }
  if (options->version) {
    std::puts("mpx multipath 0.1.0");
    return 0;
  }
  auto sysfs = mpx::DirSysfs::Open(options->sysfs_root);
  if (!sysfs.ok()) return Fail(sysfs.error().message);
  const bool real = !options->recorded_sysfs();
  std::unique_ptr<mpx::UdevDb> udev;
  if (options->use_udev && real) {
    udev = std::make_unique<mpx::LibUdevDb>();
  } else {
    udev = std::make_unique<mpx::NoUdevDb>();
  }
  mpx::SgIo sgio;
  mpx::NoScsiIo no_scsi;
  mpx::ScsiIo& scsi = real ? static_cast<mpx::ScsiIo&>(sgio) : no_scsi;
  mpx::LibDevmapper dm;
  mpx::PosixFiles files;
  mpx::RealClock clock;
  // One thread per core for blocking sysfs and SG_IO work (the caller is
  // one of them), at least two so that I/O waits overlap.
  mpx::ThreadPool pool(std::clamp(std::thread::hardware_concurrency(), 2u, 16u) - 1);
  mpx::CliLogger log("multipath", options->verbosity, [](std::string_view line) {
    std::fwrite(line.data(), 1, line.size(), stderr);
  });
  mpx::Env env{sysfs.value(), *udev, scsi, dm, files, clock, pool, log};
  env.daemon_running = mpx::MultipathdRunning();
  mpx::UeventEnv uevent;
  for (const char* key : {"DEVNAME", "DEVPATH", "MAJOR", "MINOR", "USEC_INITIALIZED"}) {
    if (const char* v = std::getenv(key)) uevent[key] = v;
  }
  mpx::CommandOutput r = mpx::RunMultipath(options.value(), env, uevent);
  std::fputs(r.out.c_str(), stdout);
  return r.exit_code;
}
