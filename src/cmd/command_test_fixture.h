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
#include "cmd/multipath_command.h"
#include "kernel/fake_devmapper.h"
#include "testing/synthetic_san.h"

namespace mpx {

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
  CommandOutput Run(std::vector<std::string> args) {
    auto o = ParseMultipathOptions(args);
    EXPECT_TRUE(o.ok()) << o.error().message;
    Context ctx{*fs_, udev_, io_, dm_};
    ctx.config_file = dir_.path() + "/etc/multipath.conf";
    ctx.config_dir = dir_.path() + "/etc/multipath/conf.d";
    ctx.bindings_file = dir_.path() + "/etc/multipath/bindings";
    ctx.wwids_file = dir_.path() + "/etc/multipath/wwids";
    ctx.lock_file = dir_.path() + "/run/lock";
    ctx.find_multipaths_dir = dir_.path() + "/shm/find_multipaths";
    ctx.uevent = uevent_;
    ctx.daemon_running = daemon_running_;
    ctx.monotonic_now = [this] { return now_; };
    return RunMultipath(o.value(), ctx);
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
