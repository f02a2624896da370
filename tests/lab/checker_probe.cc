// mpx_checker_probe: runs path checkers and prioritizers on real devices (lab
// guest, root) through the call surface multipathd uses, and prints one line
// per run:
//
//   sdb checker tur up tur checker reports path is up
//   sdb prio alua 50
//   sdb prio emc -1 sdb: emc prio: query command indicates error
//
// Usage: mpx_checker_probe [--timeout SECONDS] [--prio-args ARGS] NAME... -- DEV...
// where each NAME is "checker:<name>" or "prio:<name>".
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "checker/checker.h"
#include "checker/prioritizer.h"
#include "discovery/discover.h"
#include "discovery/scsi_path.h"
#include "kernel/scsi_io.h"
#include "kernel/sysfs.h"
#include "kernel/udev.h"

namespace mpx {
namespace {

const char* StateWord(PathState s) {
  switch (s) {
    case PathState::kUp:
      return "up";
    case PathState::kDown:
      return "down";
    case PathState::kGhost:
      return "ghost";
    case PathState::kShaky:
      return "shaky";
    case PathState::kPending:
      return "pending";
    case PathState::kUndef:
      break;
  }
  return "undef";
}

int Main(int argc, char** argv) {
  std::chrono::seconds timeout(30);
  std::string prio_args;
  std::vector<std::string> names, devs;
  bool devices = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--timeout" && i + 1 < argc) {
      timeout = std::chrono::seconds(std::atoi(argv[++i]));
    } else if (a == "--prio-args" && i + 1 < argc) {
      prio_args = argv[++i];
    } else if (a == "--") {
      devices = true;
    } else {
      (devices ? devs : names).push_back(a);
    }
  }
  if (names.empty() || devs.empty()) {
    std::fprintf(stderr, "usage: %s [--timeout S] [--prio-args A] NAME... -- DEV...\n", argv[0]);
    return 2;
  }
  auto sysfs = DirSysfs::Open("/sys");
  if (!sysfs.ok()) {
    std::fprintf(stderr, "%s\n", sysfs.error().message.c_str());
    return 1;
  }
  LibUdevDb udev;
  SgIo scsi;
  for (const std::string& dev : devs) {
    auto path = ReadScsiPath(*sysfs, dev);
    if (!path.ok()) {
      std::printf("%s error %s\n", dev.c_str(), path.error().message.c_str());
      continue;
    }
    (void)ReadPg83(*sysfs, path.value());
    for (const std::string& name : names) {
      if (name.rfind("checker:", 0) == 0) {
        CheckResult r = RunChecker(name.substr(8), scsi, path->devnode, timeout);
        std::printf("%s checker %s %s %s\n", dev.c_str(), name.c_str() + 8, StateWord(r.state),
                    r.message.c_str());
      } else if (name.rfind("prio:", 0) == 0) {
        PrioResult r = RunPrioritizer(name.substr(5), prio_args, PrioIo{scsi, &*sysfs, &udev},
                                      path.value(), timeout);
        std::printf("%s prio %s %d %s\n", dev.c_str(), name.c_str() + 5, r.priority,
                    r.message.c_str());
      }
      std::fflush(stdout);
    }
  }
  return 0;
}

}  // namespace
}  // namespace mpx

int main(int argc, char** argv) { return mpx::Main(argc, argv); }
