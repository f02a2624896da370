// The whole multipath command over a synthetic SAN (2 hosts x 3 LUNs: sda-sdc
// on host 0, sdd-sdf on host 1), a fake device-mapper, temporary config and
// state files, a settable clock and udev environment.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/atomic_file.h"
#include "base/test_dir.h"
#include "base/thread_pool.h"
#include "cmd/multipath_command.h"
#include "kernel/files.h"
#include "kernel/sysfs.h"
#include "testing/fake_clock.h"
#include "testing/fake_devmapper.h"
#include "testing/synthetic_san.h"

namespace mpx {

// What a command printed and how it exited.
struct Ran {
  std::string out;
  std::string err;
  int exit_code = 0;
};

// The state and log files of a test's temporary directory.
inline FilePaths TestPaths(const std::string& root) {
  FilePaths p;
  p.config_file = root + "/etc/multipath.conf";
  p.config_dir = root + "/etc/multipath/conf.d";
  p.bindings_file = root + "/etc/multipath/bindings";
  p.wwids_file = root + "/etc/multipath/wwids";
  p.lock_file = root + "/run/lock";
  p.find_multipaths_dir = root + "/shm/find_multipaths";
  return p;
}

// Runs `args` as multipath would, over the given interfaces, with real files
// under the test's directory and a pool of two helpers.
inline Ran RunMultipathArgs(std::vector<std::string> args, const Sysfs& sysfs, const UdevDb& udev,
                            ScsiIo& scsi, DeviceMapper& dm, Clock& clock, const FilePaths& paths,
                            bool daemon_running = false, const UeventEnv& uevent = {}) {
  auto o = ParseMultipathOptions(args);
  EXPECT_TRUE(o.ok()) << o.error().message;
  Ran ran;
  if (!o.ok()) return ran;
  PosixFiles files;
  ThreadPool pool(2);
  CliLogger log("multipath", o->verbosity, [&](std::string_view line) { ran.err += line; });
  Env env{sysfs, udev, scsi, dm, files, clock, pool, log, paths, daemon_running};
  CommandOutput r = RunMultipath(o.value(), env, uevent);
  ran.out = std::move(r.out);
  ran.exit_code = r.exit_code;
  return ran;
}

// Every TEST UNIT READY succeeds; no VPD or RTPG over SG_IO.
class ReadyIo : public ScsiIo {
 public:
  Result<std::vector<uint8_t>> InquiryVpd(const std::string& d, uint8_t) override {
    return MakeError(d + ": no", EIO);
  }
  Result<ScsiReply> TestUnitReady(const std::string&) override { return ScsiReply{}; }
  Result<std::vector<uint8_t>> ReportTargetPortGroups(const std::string& d) override {
    return MakeError(d + ": no", EIO);
  }
};

class MultipathCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(testing::WriteSyntheticSan(dir_.path(), {.hosts = 2, .luns = 3}).ok());
    fs_.emplace(DirSysfs::Open(dir_.path() + "/sys").value());
    Config("defaults {\n find_multipaths greedy\n}\n");
  }
  void Config(const std::string& text) { dir_.Write("etc/multipath.conf", text); }
  std::string State(const std::string& name) {
    auto r = ReadWholeFile(dir_.path() + "/etc/multipath/" + name);
    return r.ok() ? r.value() : "";
  }
  Ran Run(std::vector<std::string> args) {
    testing::FakeClock clock(FromSeconds(now_));
    return RunMultipathArgs(std::move(args), *fs_, udev_, io_, dm_, clock, TestPaths(dir_.path()),
                            daemon_running_, uevent_);
  }
  size_t Calls(const std::string& op) {
    return std::count_if(dm_.calls().begin(), dm_.calls().end(),
                         [&](const std::string& c) { return c.rfind(op + " ", 0) == 0; });
  }
  std::map<std::string, std::string> uevent_;  // the udev event's environment
  double now_ = 1000;                          // CLOCK_MONOTONIC seconds
  bool daemon_running_ = false;                // multipathd answers
  testing::TestDir dir_;
  std::optional<DirSysfs> fs_;
  MapUdevDb udev_;  // empty: udev knows no device
  ReadyIo io_;
  FakeDeviceMapper dm_;
};

}  // namespace mpx
