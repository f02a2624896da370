// The daemon's test fixture: a synthetic scsi_debug-shaped SAN (sysfs in a
// temporary directory), SCSI answers scripted per path (ScriptedIo), a fake
// device-mapper and clock, and checks that run only when the test says
// (QueueWorker). Shared by the daemon_*_test.cc files, one concept each.
#pragma once

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <map>

#include "base/test_dir.h"
#include "config/resolve.h"
#include "daemon/daemon.h"
#include "kernel/files.h"
#include "kernel/sysfs.h"
#include "testing/fake_clock.h"
#include "testing/fake_devmapper.h"
#include "testing/synthetic_san.h"

namespace mpx::daemon_test {

// Runs work only when the test says so: a job left in the queue is a check
// that hangs.
class QueueWorker : public Worker {
 public:
  void Run(std::function<void()> work, std::function<void()> then) override {
    jobs_.push_back({std::move(work), std::move(then)});
  }
  size_t pending() const { return jobs_.size(); }
  // Runs every queued job (and those they queue) except the ones `hold`
  // keeps back; returns how many ran.
  size_t RunAll(const std::function<bool(size_t)>& hold = {}) {
    size_t ran = 0;
    std::vector<Job> kept;
    while (!jobs_.empty()) {
      Job j = std::move(jobs_.front());
      jobs_.erase(jobs_.begin());
      if (hold && hold(kept.size())) {
        kept.push_back(std::move(j));
        continue;
      }
      j.work();
      j.then();
      ++ran;
    }
    jobs_ = std::move(kept);
    return ran;
  }

 private:
  struct Job {
    std::function<void()> work, then;
  };
  std::vector<Job> jobs_;
};

// TEST UNIT READY per device node: GOOD unless the test fails it; no VPD or
// RTPG (priorities come from sysfs access_state). Counts TURs per node.
class ScriptedIo : public ScsiIo {
 public:
  Result<ScsiReply> TestUnitReady(const std::string& node) override {
    std::lock_guard lock(mu_);
    ++turs_[node];
    if (down_.count(node) || standby_.count(node)) {
      ScsiReply r;
      r.status = 2;  // CHECK CONDITION, NOT READY: LUN not ready, or port in standby
      r.sense = {
          0x70, 0, 0x02, 0, 0, 0,    0,
          10,   0, 0,    0, 0, 0x04, static_cast<uint8_t>(standby_.count(node) ? 0x0b : 0x00)};
      return r;
    }
    return ScsiReply{};
  }
  Result<std::vector<uint8_t>> InquiryVpd(const std::string& d, uint8_t page) override {
    std::lock_guard lock(mu_);
    auto it = vpd83_.find(d);
    if (page == 0x83 && it != vpd83_.end()) return it->second;
    return MakeError(d + ": no", EIO);
  }
  void SetVpd83(const std::string& node, std::vector<uint8_t> page) {
    std::lock_guard lock(mu_);
    vpd83_[node] = std::move(page);
  }
  Result<std::vector<uint8_t>> ReportTargetPortGroups(const std::string& d) override {
    return MakeError(d + ": no", EIO);
  }
  // Direct reads (the marginal_path_* sampler): every `every`-th read of
  // `node` fails with EIO (0: none fail).
  Result<BlockRead> ReadFirstBlock(const std::string& node, unsigned) override {
    std::lock_guard lock(mu_);
    BlockRead r;
    r.block_size = 512;
    int every = read_fault_[node];
    if (every > 0 && ++reads_[node] % every == 0) {
      r.error = EIO;
    } else {
      r.bytes = 512;
    }
    return r;
  }
  void FailReads(const std::string& node, int every) {
    std::lock_guard lock(mu_);
    read_fault_[node] = every;
  }
  void Standby(const std::string& node, bool standby) { Mark(standby_, node, standby); }
  void Down(const std::string& node, bool down) { Mark(down_, node, down); }
  int turs(const std::string& node) {
    std::lock_guard lock(mu_);
    return turs_[node];
  }

 private:
  void Mark(std::set<std::string>& set, const std::string& node, bool on) {
    std::lock_guard lock(mu_);
    if (on) {
      set.insert(node);
    } else {
      set.erase(node);
    }
  }

  std::map<std::string, std::vector<uint8_t>> vpd83_;
  std::mutex mu_;
  std::set<std::string> down_, standby_;
  std::map<std::string, int> turs_;
  std::map<std::string, int> read_fault_, reads_;
};

// 2 hosts x 2 LUNs: sda (host 0, LUN 0), sdb (host 0, LUN 1), sdc (host 1,
// LUN 0), sdd (host 1, LUN 1). Host 0 is active/optimized (priority 50),
// host 1 active/non-optimized (10).
class DaemonTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(testing::WriteSyntheticSan(dir_.path(), {.hosts = 2, .luns = 2}).ok());
    sysfs_.emplace(DirSysfs::Open(dir_.path() + "/sys").value());
    Config(
        "defaults {\n find_multipaths greedy\n user_friendly_names yes\n"
        " path_grouping_policy group_by_prio\n failback immediate\n no_path_retry 2\n}\n");
  }
  void Config(const std::string& text) { dir_.Write("etc/multipath.conf", text); }
  Daemon& Start() {
    paths_.config_file = dir_.path() + "/etc/multipath.conf";
    paths_.config_dir = dir_.path() + "/etc/multipath/conf.d";
    paths_.bindings_file = dir_.path() + "/etc/multipath/bindings";
    paths_.wwids_file = dir_.path() + "/etc/multipath/wwids";
    paths_.prkeys_file = dir_.path() + "/etc/multipath/prkeys";
    paths_.lock_file = dir_.path() + "/run/lock";
    env_.emplace(Env{*sysfs_, udev_, io_, dm_, files_, clock_, pool_, log_, paths_, true});
    daemon_.emplace(*env_, worker_, options_);
    Status s = daemon_->Start();
    EXPECT_TRUE(s.ok()) << s.error().message << "\n" << log_.Text();
    return *daemon_;
  }
  // One second passes.
  void Second() {
    clock_.AdvanceSeconds(1);
    daemon_->Tick();
  }
  // `n` seconds pass; every check started runs at once.
  void Seconds(int n) {
    for (int i = 0; i < n; ++i) {
      Second();
      worker_.RunAll();
    }
  }
  std::string Reply(const std::string& line) {
    auto c = ParseCliCommand(line);
    EXPECT_TRUE(c.ok()) << line;
    return daemon_->Handle(c.value());
  }
  const PathEntry& PathOf(const std::string& dev) {
    snapshot_ = daemon_->snapshot();
    for (const auto& [id, e] : snapshot_->paths) {
      if (e->path.dev == dev) return *e;
    }
    ADD_FAILURE() << "no path " << dev;
    static PathEntry none;
    return none;
  }
  const MapEntry& MapNamed(const std::string& name) {
    snapshot_ = daemon_->snapshot();
    for (const auto& [w, m] : snapshot_->maps) {
      if (m->map.name == name) return *m;
    }
    ADD_FAILURE() << "no map " << name;
    static MapEntry none;
    return none;
  }
  // The maps' messages sent to device-mapper, in order.
  std::vector<std::string> Messages() {
    std::vector<std::string> out;
    for (const std::string& c : dm_.calls()) {
      if (c.rfind("message ", 0) == 0) out.push_back(c.substr(8));
    }
    return out;
  }
  size_t CountMessages(const std::string& m) {
    auto all = Messages();
    return static_cast<size_t>(std::count(all.begin(), all.end(), m));
  }
  std::string DmStatus(const std::string& name) { return dm_.Status(name).value(); }
  void SetAluaState(int host, int lun, const char* state) {
    dir_.Write("sys/devices/pseudo_0/adapter" + std::to_string(host) + "/host" +
                   std::to_string(host) + "/target" + std::to_string(host) + ":0:0/" +
                   std::to_string(host) + ":0:0:" + std::to_string(lun) + "/access_state",
               std::string(state) + "\n");
  }

  testing::TestDir dir_;
  std::optional<DirSysfs> sysfs_;
  MapUdevDb udev_;
  ScriptedIo io_;
  FakeDeviceMapper dm_;
  PosixFiles files_;
  testing::FakeClock clock_;
  ThreadPool pool_{2};
  CaptureLogger log_;
  FilePaths paths_;
  QueueWorker worker_;
  std::optional<Env> env_;
  DaemonOptions options_;
  std::optional<Daemon> daemon_;
  std::shared_ptr<const Snapshot> snapshot_;
};

}  // namespace mpx::daemon_test
