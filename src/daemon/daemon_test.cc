#include "daemon/daemon.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <map>

#include "base/test_dir.h"
#include "config/resolve.h"
#include "kernel/files.h"
#include "kernel/sysfs.h"
#include "testing/fake_clock.h"
#include "testing/fake_devmapper.h"
#include "testing/synthetic_san.h"

namespace mpx {
namespace {

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

TEST_F(DaemonTest, StartCreatesTheMapsWithQueueingAndMonitorsEveryPath) {
  Start();
  auto s = daemon_->snapshot();
  ASSERT_EQ(s->maps.size(), 2u);
  ASSERT_EQ(s->paths.size(), 4u);
  const MapEntry& a = MapNamed("mpatha");
  // The daemon watches the maps: no_path_retry 2 keeps queue_if_no_path.
  EXPECT_EQ(dm_.Table("mpatha").value(),
            "0 16384 multipath 1 queue_if_no_path 1 alua 2 1 service-time 0 1 1 8:0 1 "
            "service-time 0 1 1 8:32 1");
  EXPECT_TRUE(a.queueing);
  EXPECT_EQ(a.map.groups.size(), 2u);
  EXPECT_EQ(a.map.groups[0].priority, 50);
  EXPECT_EQ(a.active_group, 1u);
  EXPECT_EQ(PathOf("sda").map, a.map.wwid);
  EXPECT_EQ(PathOf("sda").check.state, PathState::kUp);
  EXPECT_EQ(PathOf("sda").check.interval, 5);
}

TEST_F(DaemonTest, ChecksStartWhenDueAndTheIntervalGrowsWhileHealthyUpToTheMaximum) {
  Start();
  for (int i = 0; i < 4; ++i) Second();
  EXPECT_EQ(worker_.pending(), 0u);  // not due before polling_interval
  Second();
  EXPECT_EQ(worker_.pending(), 4u);
  worker_.RunAll();
  EXPECT_EQ(PathOf("sda").check.interval, 10);
  EXPECT_EQ(PathOf("sda").check.checks, 1u);
  Seconds(10);
  EXPECT_EQ(PathOf("sda").check.interval, 20);
  Seconds(20);
  EXPECT_EQ(PathOf("sda").check.interval, 20);  // max_polling_interval = 4 x 5
  EXPECT_EQ(io_.turs("/dev/sda"), 1 + 3);       // once at start, then three checks
}

// ghost_delay: a new map of standby paths only is kept from udev's scan
// until a path is up (or the delay ends), then reloaded for it.
TEST_F(DaemonTest, GhostDelayHoldsAMapOfStandbyPathsFromUdevUntilAPathIsUp) {
  Config("defaults {\n find_multipaths greedy\n user_friendly_names yes\n ghost_delay 30\n}\n");
  for (const char* dev : {"/dev/sda", "/dev/sdc"}) io_.Standby(dev, true);  // LUN 0's paths
  Start();
  std::map<std::string, MapUdevFlags> created;
  for (const auto& [what, flags] : dm_.udev_flags()) created[what] = flags;
  EXPECT_TRUE(created["create mpatha"].no_paths);
  EXPECT_FALSE(created["create mpathb"].no_paths);
  EXPECT_EQ(MapNamed("mpatha").ghost_delay_left, 30);
  Seconds(3);
  EXPECT_EQ(MapNamed("mpatha").ghost_delay_left, 27);
  io_.Standby("/dev/sda", false);
  Seconds(5);
  EXPECT_EQ(MapNamed("mpatha").ghost_delay_left, -1);
  EXPECT_TRUE(log_.Contains("mpatha: sda is up, ghost delay ends")) << log_.Text();
  EXPECT_EQ(dm_.udev_flags().back().first, "reload mpatha");
  EXPECT_FALSE(dm_.udev_flags().back().second.no_paths);
}

TEST_F(DaemonTest, GhostDelayEndsWithAReloadWhenItTimesOut) {
  Config("defaults {\n find_multipaths greedy\n user_friendly_names yes\n ghost_delay 4\n}\n");
  for (const char* dev : {"/dev/sda", "/dev/sdc"}) io_.Standby(dev, true);
  Start();
  Seconds(4);
  EXPECT_EQ(MapNamed("mpatha").ghost_delay_left, -1);
  EXPECT_TRUE(log_.Contains("mpatha: timed out waiting for active path")) << log_.Text();
  EXPECT_EQ(dm_.udev_flags().back(), (std::pair<std::string, MapUdevFlags>("reload mpatha", {})));
}

// recheck_wwid: a path coming back is asked its WWID; another one keeps it
// failed until it reports its own again.
TEST_F(DaemonTest, RecheckWwidKeepsAPathWithAnotherWwidFailed) {
  Config("defaults {\n find_multipaths greedy\n user_friendly_names yes\n recheck_wwid yes\n}\n");
  Start();
  io_.Down("/dev/sda", true);
  Seconds(5);
  ASSERT_TRUE(PathOf("sda").dm_failed);
  io_.SetVpd83("/dev/sda", testing::Vpd83Naa6(9, 1));  // another LUN behind it now
  io_.Down("/dev/sda", false);
  Seconds(5);
  EXPECT_TRUE(PathOf("sda").wwid_changed);
  EXPECT_TRUE(PathOf("sda").dm_failed);
  EXPECT_TRUE(log_.Contains("sda: path wwid change detected")) << log_.Text();
  EXPECT_EQ(CountMessages("mpatha reinstate_path 8:0"), 0u);
  io_.SetVpd83("/dev/sda", testing::Vpd83Naa6(1, 1));  // its own again
  Seconds(25);
  EXPECT_FALSE(PathOf("sda").wwid_changed);
  EXPECT_FALSE(PathOf("sda").dm_failed);
  EXPECT_EQ(CountMessages("mpatha reinstate_path 8:0"), 1u);
}

// log_checker_err: a path that stays down repeats its checker's message at
// -v2 (always) or -v3 (once).
TEST_F(DaemonTest, LogCheckerErrDecidesTheLevelOfRepeatedCheckerMessages) {
  for (const char* mode : {"always", "once"}) {
    Config(std::string("defaults {\n find_multipaths greedy\n log_checker_err ") + mode + "\n}\n");
    const size_t from = log_.lines().size();
    Start();
    io_.Down("/dev/sda", true);
    Seconds(25);  // down, then checked again (the interval grows no further when down)
    size_t repeats = 0;
    const auto lines = log_.lines();
    for (size_t k = from; k < lines.size(); ++k) {
      const auto& [level, line] = lines[k];
      if (line.starts_with("sda: tur checker reports path is down")) {
        ++repeats;
        EXPECT_EQ(level, std::string(mode) == "always" ? LogLevel::kNotice : LogLevel::kInfo)
            << line;
      }
    }
    EXPECT_GE(repeats, 1u) << mode << "\n" << log_.Text();
    io_.Down("/dev/sda", false);
    daemon_.reset();
  }
}

TEST_F(DaemonTest, AFailedPathIsFailedInTheMapAndFailbackReturnsWhenItIsBack) {
  Start();
  io_.Down("/dev/sda", true);
  Seconds(5);
  EXPECT_EQ(PathOf("sda").check.state, PathState::kDown);
  EXPECT_TRUE(PathOf("sda").dm_failed);
  EXPECT_EQ(PathOf("sda").check.interval, 5);  // reset on a change
  EXPECT_EQ(CountMessages("mpatha fail_path 8:0"), 1u);
  // The best group left is #2 (failback immediate).
  EXPECT_EQ(CountMessages("mpatha switch_group 2"), 1u);
  EXPECT_EQ(MapNamed("mpatha").active_group, 2u);
  EXPECT_EQ(MapNamed("mpatha").path_faults, 1u);
  EXPECT_NE(DmStatus("mpatha").find("8:0 F"), std::string::npos);

  io_.Down("/dev/sda", false);
  Seconds(5);
  EXPECT_EQ(PathOf("sda").check.state, PathState::kUp);
  EXPECT_FALSE(PathOf("sda").dm_failed);
  EXPECT_EQ(CountMessages("mpatha reinstate_path 8:0"), 1u);
  EXPECT_EQ(CountMessages("mpatha switch_group 1"), 1u);
  EXPECT_EQ(MapNamed("mpatha").switch_group, 2u);
  EXPECT_NE(DmStatus("mpatha").find("8:0 A"), std::string::npos);
  EXPECT_TRUE(log_.Contains("mpatha: fail path sda (8:0)"));
}

TEST_F(DaemonTest, FailbackManualStaysAndDeferredWaitsItsSeconds) {
  Config(
      "defaults {\n find_multipaths greedy\n user_friendly_names yes\n"
      " path_grouping_policy group_by_prio\n}\n"
      "multipaths {\n multipath {\n  wwid " +
      testing::Naa6Wwid(2) + "\n  failback 3\n }\n}\n");
  Start();
  io_.Down("/dev/sda", true);
  io_.Down("/dev/sdb", true);
  Seconds(5);
  // The kernel moves I/O itself; the daemon switches only per failback.
  EXPECT_EQ(CountMessages("mpatha switch_group 2"), 0u);  // manual
  EXPECT_EQ(CountMessages("mpathb switch_group 2"), 0u);  // deferred: 3 s
  Seconds(3);
  EXPECT_EQ(CountMessages("mpathb switch_group 2"), 1u);
  io_.Down("/dev/sda", false);
  io_.Down("/dev/sdb", false);
  Seconds(2);  // the failed paths are checked again 5 s after their failure
  EXPECT_EQ(PathOf("sdb").check.state, PathState::kUp);
  EXPECT_EQ(MapNamed("mpathb").failback_left, 3);
  Seconds(2);
  EXPECT_EQ(CountMessages("mpathb switch_group 1"), 0u);
  Seconds(1);
  EXPECT_EQ(CountMessages("mpathb switch_group 1"), 1u);
  Seconds(10);
  EXPECT_EQ(CountMessages("mpatha switch_group 1"), 0u);  // manual
}

TEST_F(DaemonTest, NoPathRetryQueuesForNCheckerIntervalsThenFailsAndRestoresOnReturn) {
  Start();
  io_.Down("/dev/sda", true);
  io_.Down("/dev/sdc", true);
  Seconds(5);
  const MapEntry& m = MapNamed("mpatha");
  EXPECT_EQ(m.retry_left, 2 * 5 - 0);
  EXPECT_TRUE(log_.Contains("mpatha: Entering recovery mode: max_retries=2"));
  EXPECT_EQ(CountMessages("mpatha fail_if_no_path"), 0u);
  Seconds(9);
  EXPECT_EQ(CountMessages("mpatha fail_if_no_path"), 0u);
  Seconds(1);
  EXPECT_EQ(CountMessages("mpatha fail_if_no_path"), 1u);
  EXPECT_FALSE(MapNamed("mpatha").queueing);
  EXPECT_EQ(MapNamed("mpatha").queue_timeouts, 1u);
  EXPECT_EQ(dm_.Table("mpatha").value().find("queue_if_no_path"), std::string::npos);

  io_.Down("/dev/sdc", false);
  Seconds(5);
  EXPECT_EQ(CountMessages("mpatha queue_if_no_path"), 1u);
  EXPECT_TRUE(MapNamed("mpatha").queueing);
  EXPECT_EQ(MapNamed("mpatha").retry_left, -1);
  // mpathb never lost a path.
  EXPECT_EQ(CountMessages("mpathb fail_if_no_path"), 0u);
}

TEST_F(DaemonTest, AHungCheckNeverDelaysTheOthersAndTimesOutOnce) {
  Start();
  // sda's check never returns; the others run every round.
  Second();
  for (int i = 0; i < 4; ++i) Second();
  ASSERT_EQ(worker_.pending(), 4u);
  // The jobs are queued in path order: sda first. Keep it.
  bool kept = false;
  worker_.RunAll([&](size_t) {
    if (kept) return false;
    kept = true;
    return true;
  });
  EXPECT_EQ(worker_.pending(), 1u);
  EXPECT_TRUE(PathOf("sda").check.pending);
  int sdb_checks_before = static_cast<int>(PathOf("sdb").check.checks);
  for (int i = 0; i < 40; ++i) {
    Second();
    kept = false;
    worker_.RunAll([&](size_t) {
      if (kept) return false;
      kept = true;
      return true;
    });
  }
  EXPECT_GT(static_cast<int>(PathOf("sdb").check.checks), sdb_checks_before);
  EXPECT_EQ(worker_.pending(), 1u);  // no second check of sda was started
  EXPECT_EQ(PathOf("sda").check.timeouts, 1u);
  EXPECT_EQ(PathOf("sda").check.state, PathState::kDown);
  EXPECT_TRUE(PathOf("sda").dm_failed);
  EXPECT_EQ(CountMessages("mpatha fail_path 8:0"), 1u);
}

TEST_F(DaemonTest, TheKernelsPathFailedEventIsCheckedAtOnce) {
  Start();
  ASSERT_TRUE(dm_.Message("mpatha", "fail_path 8:0").ok());  // I/O error in the kernel
  Uevent ev{.action = "change", .devname = "dm-0", .major = 253, .minor = 0};
  ev.env = {{"DM_ACTION", "PATH_FAILED"}, {"DM_PATH", "8:0"}};
  daemon_->OnUevent(ev);
  EXPECT_TRUE(PathOf("sda").dm_failed);
  Second();
  EXPECT_EQ(worker_.pending(), 1u);  // only sda, before its interval
  worker_.RunAll();
  // The path answers: reinstated.
  EXPECT_EQ(CountMessages("mpatha reinstate_path 8:0"), 1u);
  EXPECT_FALSE(PathOf("sda").dm_failed);
}

TEST_F(DaemonTest, PathsLeaveAndJoinTheirMapOnUevents) {
  Start();
  daemon_->OnUevent(
      {.action = "remove", .devname = "sdc", .devtype = "disk", .major = 8, .minor = 32});
  EXPECT_EQ(daemon_->snapshot()->paths.size(), 3u);
  EXPECT_EQ(dm_.Table("mpatha").value().find("8:32"), std::string::npos);
  EXPECT_EQ(MapNamed("mpatha").map.groups.size(), 1u);
  daemon_->OnUevent(
      {.action = "add", .devname = "sdc", .devtype = "disk", .major = 8, .minor = 32});
  EXPECT_EQ(worker_.pending(), 1u);  // discovery and a first check, off the loop
  worker_.RunAll();
  EXPECT_EQ(daemon_->snapshot()->paths.size(), 4u);
  EXPECT_NE(dm_.Table("mpatha").value().find("8:32"), std::string::npos);
  EXPECT_EQ(MapNamed("mpatha").map.groups.size(), 2u);
  EXPECT_EQ(PathOf("sdc").map, MapNamed("mpatha").map.wwid);
}

// flush_on_last_del with deferred_remove: a map still open when its last
// path goes is removed by the kernel at its last close.
TEST_F(DaemonTest, TheLastPathGoneAnOpenMapIsRemovedDeferred) {
  Config(
      "defaults {\n find_multipaths greedy\n user_friendly_names yes\n"
      " flush_on_last_del yes\n deferred_remove yes\n}\n");
  Start();
  const std::string wwid = MapNamed("mpatha").map.wwid;
  dm_.SetOpenCount("mpatha", 1);
  std::vector<PathId> ids;
  for (const PathGroup& g : MapNamed("mpatha").map.groups) {
    ids.insert(ids.end(), g.paths.begin(), g.paths.end());
  }
  ASSERT_FALSE(ids.empty());
  for (PathId id : ids) {
    std::string dev;
    for (const auto& [pid, e] : daemon_->snapshot()->paths) {
      if (pid == id) dev = e->path.dev;
    }
    daemon_->OnUevent({.action = "remove",
                       .devname = dev,
                       .devtype = "disk",
                       .major = id.major,
                       .minor = id.minor});
  }
  EXPECT_TRUE(log_.Contains("mpatha: last path deleted, devmap deferred remove")) << log_.Text();
  ASSERT_TRUE(dm_.Info("mpatha").ok());
  EXPECT_TRUE(dm_.Info("mpatha")->deferred_remove);
  EXPECT_EQ(daemon_->snapshot()->FindMap(wwid), nullptr);
}

TEST_F(DaemonTest, AnAluaStateChangeRegroupsAndFailsBack) {
  Start();
  // The array swaps the preferred port: host 1 becomes active/optimized.
  SetAluaState(0, 0, "active/non-optimized");
  SetAluaState(1, 0, "active/optimized");
  Seconds(5);
  // The other paths of the map are checked again before it is regrouped.
  EXPECT_FALSE(log_.Contains("regrouping"));
  Seconds(2);
  const MapEntry& m = MapNamed("mpatha");
  ASSERT_EQ(m.map.groups.size(), 2u);
  EXPECT_EQ(m.map.groups[0].priority, 50);
  EXPECT_EQ(m.map.groups[0].paths, (std::vector<PathId>{PathId{8, 32}}));
  EXPECT_TRUE(log_.Contains("mpatha: path priorities changed, regrouping")) << log_.Text();
  EXPECT_EQ(m.active_group, 1u);
  EXPECT_EQ(dm_.Table("mpatha").value(),
            "0 16384 multipath 1 queue_if_no_path 1 alua 2 1 service-time 0 1 1 8:32 1 "
            "service-time 0 1 1 8:0 1");
}

TEST_F(DaemonTest, APriorityChangeRereadsTheOtherPathsAccessStateBeforeRegrouping) {
  Start();
  Seconds(1);
  // A round where sda is checked before the kernel learns of the array's
  // swap and sdc after: sda's priority is stale when sdc's changes.
  clock_.AdvanceSeconds(5);
  daemon_->Tick();
  size_t n = 0;
  worker_.RunAll([&](size_t) { return ++n > 1; });  // sda's check only
  SetAluaState(0, 0, "active/non-optimized");
  SetAluaState(1, 0, "active/optimized");
  worker_.RunAll();
  EXPECT_EQ(PathOf("sda").path.priority, 10);
  Seconds(2);
  EXPECT_EQ(dm_.Table("mpatha").value(),
            "0 16384 multipath 1 queue_if_no_path 1 alua 2 1 service-time 0 1 1 8:32 1 "
            "service-time 0 1 1 8:0 1");
}

TEST_F(DaemonTest, AccessStateIsReadAgainOnTheTickAfterACheck) {
  Start();
  Seconds(5);  // a round of checks
  // The kernel refreshes access_state just after the round (its report after
  // the unit attention a check's command met): the next tick sees it, before
  // any check is due again.
  SetAluaState(0, 0, "active/non-optimized");
  SetAluaState(1, 0, "active/optimized");
  Second();
  EXPECT_EQ(worker_.pending(), 0u);  // no check ran
  EXPECT_TRUE(log_.Contains("sda: access_state now active/non-optimized, priority 10"))
      << log_.Text();
  Seconds(2);
  EXPECT_EQ(dm_.Table("mpatha").value(),
            "0 16384 multipath 1 queue_if_no_path 1 alua 2 1 service-time 0 1 1 8:32 1 "
            "service-time 0 1 1 8:0 1");
}

TEST_F(DaemonTest, WithFailbackManualAPriorityChangeNeitherReloadsNorSwitches) {
  Config(
      "defaults {\n find_multipaths greedy\n user_friendly_names yes\n"
      " path_grouping_policy group_by_prio\n failback manual\n}\n");
  Start();
  const std::string table = dm_.Table("mpatha").value();
  SetAluaState(0, 0, "active/non-optimized");
  SetAluaState(1, 0, "active/optimized");
  Seconds(10);
  EXPECT_EQ(dm_.Table("mpatha").value(), table);  // as the reference: no reload
  const MapEntry& m = MapNamed("mpatha");
  EXPECT_EQ(m.active_group, 1u);
  ASSERT_EQ(m.map.groups.size(), 2u);
  EXPECT_EQ(m.map.groups[0].priority, 10);  // recomputed in place
  EXPECT_EQ(m.map.groups[1].priority, 50);
  EXPECT_FALSE(log_.Contains("regrouping"));
}

TEST_F(DaemonTest, SetmarginalPutsAPathInAGroupUsedLastWithMarginalPathgroups) {
  Config(
      "defaults {\n find_multipaths greedy\n user_friendly_names yes\n"
      " path_grouping_policy group_by_prio\n failback immediate\n marginal_pathgroups on\n}\n");
  Start();
  const std::string before = dm_.Table("mpatha").value();
  EXPECT_EQ(Reply("setmarginal path sda"), "ok\n");
  // sda (active/optimized) is marginal: its group comes last and is not used
  // while sdc's group has a usable path.
  EXPECT_EQ(dm_.Table("mpatha").value(),
            "0 16384 multipath 0 1 alua 2 1 service-time 0 1 1 8:32 1 service-time 0 1 1 8:0 1");
  const MapEntry& m = MapNamed("mpatha");
  ASSERT_EQ(m.map.groups.size(), 2u);
  EXPECT_TRUE(m.map.groups[1].marginal);
  EXPECT_EQ(m.active_group, 1u);
  EXPECT_EQ(Reply("show paths raw format \"%d %M\""),
            "sda marginal\nsdb normal\nsdc normal\nsdd normal\n");
  EXPECT_TRUE(log_.Contains("sda: marked marginal"));
  ASSERT_FALSE(dm_.udev_flags().empty());
  EXPECT_EQ(dm_.udev_flags().back().first, "reload mpatha");
  EXPECT_EQ(dm_.udev_flags().back().second, MapUdevFlags{}) << "as the reference's own reloads";
  EXPECT_EQ(Reply("unsetmarginal map mpatha"), "ok\n");
  EXPECT_EQ(Reply("show paths raw format \"%d %M\""),
            "sda normal\nsdb normal\nsdc normal\nsdd normal\n");
  EXPECT_EQ(dm_.Table("mpatha").value(), before);
  EXPECT_EQ(Reply("setmarginal path nosuchpath"), "fail\n");
}

TEST_F(DaemonTest, AGroupPriorityChangeAloneReloadsAsTheReference) {
  Start();
  SetAluaState(0, 0, "active/non-optimized");
  SetAluaState(1, 0, "active/optimized");
  Seconds(8);
  ASSERT_EQ(dm_.Table("mpatha").value(),
            "0 16384 multipath 1 queue_if_no_path 1 alua 2 1 service-time 0 1 1 8:32 1 "
            "service-time 0 1 1 8:0 1");
  const size_t loads = MapNamed("mpatha").map_loads;
  SetAluaState(0, 0, "standby");  // same groups, same order, a lower priority
  Seconds(8);
  EXPECT_EQ(PathOf("sda").path.priority, 1);
  EXPECT_EQ(MapNamed("mpatha").map_loads, loads + 1) << log_.Text();
  EXPECT_EQ(MapNamed("mpatha").map.groups[1].priority, 1);
}

TEST_F(DaemonTest, CommandsFailReinstateSwitchAndQueueing) {
  Start();
  EXPECT_EQ(Reply("fail path sdb"), "ok\n");
  EXPECT_EQ(CountMessages("mpathb fail_path 8:16"), 1u);
  EXPECT_EQ(PathOf("sdb").check.state, PathState::kDown);
  EXPECT_EQ(Reply("reinstate path 8:16"), "ok\n");
  EXPECT_EQ(CountMessages("mpathb reinstate_path 8:16"), 1u);
  EXPECT_EQ(Reply("fail path nosuchpath"), "fail\n");
  EXPECT_EQ(Reply("switchgroup map mpatha group 2"), "ok\n");
  EXPECT_EQ(MapNamed("mpatha").active_group, 2u);
  EXPECT_EQ(Reply("switchgroup map mpatha group 9"), "fail\n");
  EXPECT_EQ(Reply("switch map nosuchmap group 1"), "fail\n");
  EXPECT_EQ(Reply("disablequeueing maps"), "ok\n");
  EXPECT_EQ(CountMessages("mpatha fail_if_no_path"), 1u);
  EXPECT_EQ(CountMessages("mpathb fail_if_no_path"), 1u);
  // Disabled queueing stays off when paths come and go...
  io_.Down("/dev/sdb", true);
  Seconds(5);
  io_.Down("/dev/sdb", false);
  Seconds(5);
  EXPECT_EQ(CountMessages("mpathb queue_if_no_path"), 0u);
  // ...until restored.
  EXPECT_EQ(Reply("restorequeueing map mpathb"), "ok\n");
  EXPECT_EQ(CountMessages("mpathb queue_if_no_path"), 1u);
  EXPECT_EQ(Reply("suspend map mpatha"), "ok\n");
  EXPECT_TRUE(MapNamed("mpatha").info.suspended);
  EXPECT_EQ(Reply("resume map mpatha"), "ok\n");
  EXPECT_EQ(Reply("reload map mpatha"), "ok\n");
  EXPECT_EQ(Reply("shutdown"), "ok\n");
  EXPECT_TRUE(daemon_->stop_requested());
}

TEST_F(DaemonTest, ShowCommandsReadASnapshotThatLaterChangesDoNotTouch) {
  Start();
  std::shared_ptr<const Snapshot> before = daemon_->snapshot();
  io_.Down("/dev/sda", true);
  Seconds(5);
  const PathEntry* old_sda = nullptr;
  for (const auto& [id, e] : before->paths) {
    if (e->path.dev == "sda") old_sda = e.get();
  }
  ASSERT_NE(old_sda, nullptr);
  EXPECT_FALSE(old_sda->dm_failed);
  EXPECT_EQ(old_sda->check.state, PathState::kUp);
  std::string paths = Reply("show paths");
  EXPECT_EQ(paths.substr(0, paths.find('\n')),
            "hcil    dev dev_t pri dm_st  chk_st dev_st  next_check      ");
  EXPECT_NE(paths.find("0:0:0:0 sda 8:0   50  failed faulty running XXXXXXXXXX 5/5 "),
            std::string::npos)
      << paths;
  EXPECT_EQ(Reply("show maps"),
            "name   sysfs uuid                             \n"
            "mpatha dm-0  " +
                testing::Naa6Wwid(1) + "\nmpathb dm-1  " + testing::Naa6Wwid(2) + "\n");
  std::string stats = Reply("show maps stats");
  EXPECT_EQ(stats.substr(0, stats.find('\n')),
            "name   path_faults switch_grp map_loads total_q_time q_timeouts");
  EXPECT_NE(stats.find("\nmpatha 1           1          1         "), std::string::npos) << stats;
}

TEST_F(DaemonTest, ShutdownStopsQueueingUnlessForced) {
  Start();
  EXPECT_EQ(Reply("forcequeueing daemon"), "ok\n");
  daemon_->Shutdown();
  EXPECT_EQ(CountMessages("mpatha fail_if_no_path"), 0u);
  EXPECT_EQ(Reply("restorequeueing daemon"), "ok\n");
  daemon_->Shutdown();
  EXPECT_EQ(CountMessages("mpatha fail_if_no_path"), 1u);
  EXPECT_EQ(CountMessages("mpathb fail_if_no_path"), 1u);
}

}  // namespace
}  // namespace mpx

namespace mpx {
namespace {

TEST_F(DaemonTest, MapJsonIsTheReferencesLayout) {
  Start();
  std::string json = Reply("show map mpatha json");
  const std::string wwid = testing::Naa6Wwid(1);
  EXPECT_EQ(json.substr(0, json.find("\"vend\"")),
            "{\n"
            "   \"major_version\": 0,\n"
            "   \"minor_version\": 1,\n"
            "   \"map\":{\n"
            "      \"name\" : \"mpatha\",\n"
            "      \"uuid\" : \"" +
                wwid +
                "\",\n"
                "      \"sysfs\" : \"dm-0\",\n"
                "      \"failback\" : \"immediate\",\n"
                "      \"queueing\" : \"2 chk\",\n"
                "      \"paths\" : 2,\n"
                "      \"write_prot\" : \"rw\",\n"
                "      \"dm_st\" : \"active\",\n"
                "      \"features\" : \"1 queue_if_no_path\",\n"
                "      \"hwhandler\" : \"1 alua\",\n"
                "      \"action\" : \"create\",\n"
                "      \"path_faults\" : 0,\n      ");
  EXPECT_NE(json.find("      \"path_groups\": [{\n"
                      "         \"selector\" : \"service-time 0\",\n"
                      "         \"pri\" : 50,\n"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("         \"paths\": [{\n"
                      "            \"dev\" : \"sda\",\n"
                      "            \"dev_t\" : \"8:0\",\n"
                      "            \"dm_st\" : \"active\",\n"
                      "            \"dev_st\" : \"running\",\n"
                      "            \"chk_st\" : \"ready\",\n"
                      "            \"checker\" : \"tur\",\n"
                      "            \"pri\" : 50,\n"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("            \"lun_hex\" : \"0x0000000000000000\",\n"
                      "            \"marginal_st\" : \"normal\"\n"
                      "         }]\n"
                      "      },{\n"),
            std::string::npos)
      << json;
  EXPECT_TRUE(json.ends_with("         }]\n      }]\n   }\n}\n")) << json;
  std::string maps = Reply("show maps json");
  EXPECT_EQ(
      maps.rfind("{\n   \"major_version\": 0,\n   \"minor_version\": 1,\n   \"maps\": [{\n", 0),
      0u);
  EXPECT_NE(maps.find("\n   },{\n      \"name\" : \"mpathb\",\n"), std::string::npos);
  EXPECT_TRUE(maps.ends_with("         }]\n      }]\n   }]\n}\n")) << maps;
}

TEST_F(DaemonTest, MetricsAndJsonForEveryShow) {
  Start();
  io_.Down("/dev/sda", true);
  Seconds(5);
  std::string metrics = Reply("show metrics");
  EXPECT_NE(metrics.find("# TYPE mpx_path_up gauge\n"), std::string::npos);
  EXPECT_NE(metrics.find("mpx_path_up{path=\"sda\",dev_t=\"8:0\",map=\"mpatha\"} 0\n"),
            std::string::npos)
      << metrics;
  EXPECT_NE(metrics.find("mpx_path_up{path=\"sdb\",dev_t=\"8:16\",map=\"mpathb\"} 1\n"),
            std::string::npos);
  EXPECT_NE(metrics.find("mpx_map_usable_paths{map=\"mpatha\",wwid=\"" + testing::Naa6Wwid(1) +
                         "\"} 1\n"),
            std::string::npos);
  EXPECT_NE(
      metrics.find("mpx_path_check_failures_total{path=\"sda\",dev_t=\"8:0\",map=\"mpatha\"} 1\n"),
      std::string::npos);
  std::string paths = Reply("show paths json");
  EXPECT_EQ(paths.rfind("{\n  \"schema_version\": \"1.0\",\n  \"paths\": [\n", 0), 0u) << paths;
  EXPECT_NE(paths.find("\"checker_state\": \"faulty\""), std::string::npos);
  EXPECT_NE(Reply("show status json").find("\"down\": 1"), std::string::npos);
  EXPECT_NE(Reply("show path sda json").find("\"dm_state\": \"failed\""), std::string::npos);
  EXPECT_EQ(Reply("show path sdzz"), "fail\n");
}

}  // namespace
}  // namespace mpx

namespace mpx {
namespace {

TEST_F(DaemonTest, APathThatFailsTooOftenIsHeldBackForTheRecoveryTime) {
  Config(
      "defaults {\n find_multipaths greedy\n user_friendly_names yes\n"
      " path_grouping_policy group_by_prio\n san_path_err_threshold 1\n"
      " san_path_err_forget_rate 100\n san_path_err_recovery_time 20\n}\n");
  Start();
  for (int round = 0; round < 2; ++round) {
    io_.Down("/dev/sda", true);
    Seconds(5);
    EXPECT_TRUE(PathOf("sda").dm_failed);
    io_.Down("/dev/sda", false);
    Seconds(5);
  }
  // Back after its second failure (> 1): up, but kept failed and "delayed".
  EXPECT_EQ(PathOf("sda").check.state, PathState::kUp);
  EXPECT_TRUE(PathOf("sda").dm_failed);
  EXPECT_EQ(CountMessages("mpatha reinstate_path 8:0"), 1u);
  EXPECT_NE(Reply("show paths format \"%d %T\"").find("sda delayed"), std::string::npos);
  EXPECT_TRUE(log_.Contains("sda: failed 2 times (san_path_err_threshold 1)")) << log_.Text();
  Seconds(10);
  EXPECT_EQ(CountMessages("mpatha reinstate_path 8:0"), 1u);
  Seconds(15);
  EXPECT_EQ(CountMessages("mpatha reinstate_path 8:0"), 2u);
  EXPECT_FALSE(PathOf("sda").dm_failed);
}

TEST_F(DaemonTest, AShakyPathIsReinstatedEarlyWhenItIsTheLastOne) {
  Config(
      "defaults {\n find_multipaths greedy\n user_friendly_names yes\n"
      " delay_watch_checks 100\n delay_wait_checks 10\n}\n");
  Start();
  for (int round = 0; round < 2; ++round) {
    io_.Down("/dev/sda", true);
    Seconds(5);
    io_.Down("/dev/sda", false);
    Seconds(5);
  }
  EXPECT_TRUE(PathOf("sda").dm_failed);  // held: threshold 1 from delay_watch_checks
  io_.Down("/dev/sdc", true);            // the map's other path
  Seconds(20);                           // healthy sdc is checked every 20 s by now
  EXPECT_EQ(PathOf("sdc").check.state, PathState::kDown);
  Seconds(5);
  EXPECT_FALSE(PathOf("sda").dm_failed);
  EXPECT_TRUE(log_.Contains("sda: reinstating early")) << log_.Text();
}

TEST_F(DaemonTest, APathWhoseWwidChangedIsFailedAndNotReinstated) {
  Start();
  const std::string lun0 =
      dir_.path() + "/sys/devices/pseudo_0/adapter0/host0/target0:0:0/0:0:0:0/";
  const std::string lun1 =
      dir_.path() + "/sys/devices/pseudo_0/adapter0/host0/target0:0:0/0:0:0:1/";
  auto original = files_.Read(lun0 + "vpd_pg83");
  ASSERT_TRUE(original.ok());
  ASSERT_TRUE(files_.Write(lun0 + "vpd_pg83", *files_.Read(lun1 + "vpd_pg83").value()).ok());
  daemon_->OnUevent({.action = "change", .devname = "sda", .devtype = "disk", .major = 8});
  worker_.RunAll();
  EXPECT_TRUE(PathOf("sda").wwid_changed);
  EXPECT_TRUE(PathOf("sda").dm_failed);
  EXPECT_TRUE(log_.Contains("sda: path wwid changed from")) << log_.Text();
  Seconds(20);  // the checker says up; it stays failed
  EXPECT_EQ(PathOf("sda").check.state, PathState::kUp);
  EXPECT_EQ(CountMessages("mpatha reinstate_path 8:0"), 0u);
  ASSERT_TRUE(files_.Write(lun0 + "vpd_pg83", **original).ok());
  daemon_->OnUevent({.action = "change", .devname = "sda", .devtype = "disk", .major = 8});
  worker_.RunAll();
  EXPECT_FALSE(PathOf("sda").wwid_changed);
  EXPECT_EQ(CountMessages("mpatha reinstate_path 8:0"), 1u);
}

TEST_F(DaemonTest, AResizedLunResizesItsMapOnceEveryPathReportsTheNewSize) {
  Start();
  ASSERT_EQ(MapNamed("mpatha").map.size_sectors, 16384u);
  auto grow = [&](const std::string& dev, int host, unsigned minor) {  // the path of LUN 0 on host
    const std::string h = std::to_string(host);
    dir_.Write("sys/devices/pseudo_0/adapter" + h + "/host" + h + "/target" + h + ":0:0/" + h +
                   ":0:0:0/block/" + dev + "/size",
               "32768\n");
    daemon_->OnUevent(
        {.action = "change", .devname = dev, .devtype = "disk", .major = 8, .minor = minor});
    worker_.RunAll();
  };
  grow("sda", 0, 0);  // one path has the new size: the map waits for the other
  EXPECT_EQ(PathOf("sda").path.size_sectors, 32768u);
  EXPECT_EQ(MapNamed("mpatha").map.size_sectors, 16384u);
  EXPECT_EQ(dm_.Table("mpatha").value().rfind("0 16384 ", 0), 0u);
  grow("sdc", 1, 32);
  EXPECT_EQ(MapNamed("mpatha").map.size_sectors, 32768u);
  EXPECT_EQ(dm_.Table("mpatha").value().rfind("0 32768 multipath ", 0), 0u)
      << dm_.Table("mpatha").value();
  EXPECT_TRUE(log_.Contains("mpatha: resized from 16384 to 32768 sectors")) << log_.Text();
  EXPECT_EQ(dm_.Table("mpathb").value().rfind("0 16384 ", 0), 0u);  // the other map stays
}

TEST_F(DaemonTest, ShowConfigBlacklistAndDevicesAsTheReference) {
  Config(
      "defaults {\n find_multipaths greedy\n user_friendly_names yes\n}\n"
      "blacklist {\n devnode \"^hd[a-z]\"\n wwid \"^3600bad\"\n"
      " device {\n  vendor \"ACME\"\n  product \"Widget\"\n }\n}\n"
      "blacklist_exceptions {\n property \"^ID_GOOD\"\n}\n");
  dir_.Write("sys/block/hda/dev", "3:0\n");  // a node the blacklist names
  options_.verbosity = 3;                    // multipathd -v3
  Start();
  const std::string bl = Reply("show blacklist");
  EXPECT_EQ(bl.substr(0, bl.find("udev property rules:")),
            "device node rules:\n"
            "- blacklist:\n"
            "        (config file rule) ^hd[a-z]\n"
            "        (default rule)     !^(sd[a-z]|dasd[a-z]|nvme[0-9])\n"
            "- exceptions:\n"
            "        <empty>\n");
  EXPECT_NE(bl.find("udev property rules:\n- blacklist:\n        <empty>\n- exceptions:\n"
                    "        (config file rule) ^ID_GOOD\n"
                    "        (default rule)     (SCSI_IDENT_|ID_WWN)\n"
                    "protocol rules:\n- blacklist:\n        <empty>\n- exceptions:\n"
                    "        <empty>\n"
                    "wwid rules:\n- blacklist:\n        (config file rule) ^3600bad\n"),
            std::string::npos)
      << bl;
  EXPECT_NE(bl.find("device rules:\n- blacklist:\n        (config file rule) ACME:Widget\n"),
            std::string::npos)
      << bl;
  // The built-in hardware table's product_blacklist entries are default rules.
  EXPECT_NE(bl.find("        (default rule)     ^DGC:LUNZ\n"), std::string::npos) << bl;

  EXPECT_EQ(Reply("show devices"),
            "available block devices:\n"
            "    hda devnode blacklisted, unmonitored\n"
            "    sda devnode whitelisted, monitored\n"
            "    sdb devnode whitelisted, monitored\n"
            "    sdc devnode whitelisted, monitored\n"
            "    sdd devnode whitelisted, monitored\n");

  // show config: the merged configuration, as multipath -t prints it; local:
  // only what is present (the scsi_debug-like devices and the two maps).
  const std::string all = Reply("show config");
  EXPECT_EQ(all.rfind("defaults {\n", 0), 0u) << all.substr(0, 200);
  EXPECT_NE(all.find("\tfind_multipaths \"greedy\"\n"), std::string::npos);
  EXPECT_NE(all.find("\tverbosity 3\n"), std::string::npos);  // the daemon's, as the reference
  EXPECT_NE(all.find("\tdevnode \"^hd[a-z]\"\n"), std::string::npos);
  const std::string local = Reply("show config local");
  EXPECT_LT(local.size(), all.size() / 2);
  EXPECT_NE(local.find("\twwid \"" + testing::Naa6Wwid(1) + "\""), std::string::npos) << local;
  EXPECT_EQ(all.find("\twwid \"" + testing::Naa6Wwid(1) + "\""), std::string::npos);
}

TEST_F(DaemonTest, QueueWithoutDaemonAndMaxPollingIntervalFromTheConfiguration) {
  Config(
      "defaults {\n find_multipaths greedy\n user_friendly_names yes\n no_path_retry queue\n"
      " queue_without_daemon yes\n max_polling_interval 8\n}\n");
  Start();
  Seconds(40);
  EXPECT_EQ(PathOf("sda").check.interval, 8);
  daemon_->Shutdown();
  EXPECT_EQ(CountMessages("mpatha fail_if_no_path"), 0u);  // queueing stays
}

}  // namespace
}  // namespace mpx

namespace mpx {
namespace {

TEST_F(DaemonTest, ReadersSeeConfigureUntilTheMapsAreSetUp) {
  paths_.config_file = dir_.path() + "/etc/multipath.conf";
  env_.emplace(Env{*sysfs_, udev_, io_, dm_, files_, clock_, pool_, log_, paths_, true});
  daemon_.emplace(*env_, worker_);
  EXPECT_TRUE(daemon_->snapshot()->reconfiguring);
  EXPECT_TRUE(daemon_->snapshot()->paths.empty());
  daemon_.reset();
  Start();
  EXPECT_FALSE(daemon_->snapshot()->reconfiguring);
  EXPECT_EQ(Reply("reconfigure"), "ok\n");
  EXPECT_FALSE(daemon_->snapshot()->reconfiguring);
}

TEST_F(DaemonTest, EachConfigurationReadIsHandedOverBeforeThePathsAreOpened) {
  Config("defaults {\n find_multipaths greedy\n max_fds 8192\n}\n");
  std::vector<int64_t> seen;
  size_t dm_calls_at_first = 99;
  options_.on_config = [&](const mpx::Config& c) {
    if (seen.empty()) dm_calls_at_first = dm_.calls().size();
    seen.push_back(Selection(c, {}, "").Get(Opt::kMaxFds).number());
  };
  Start();
  EXPECT_EQ(dm_calls_at_first, 0u);  // before any map was made
  Config("defaults {\n find_multipaths greedy\n max_fds 16384\n}\n");
  EXPECT_EQ(Reply("reconfigure"), "ok\n");
  EXPECT_EQ(seen, (std::vector<int64_t>{8192, 16384}));
}

TEST_F(DaemonTest, WhatTheKernelChangesByItselfShowsWithinASecond) {
  Start();
  auto group_states = [&] {
    std::string out;
    std::string t = Reply("show map mpatha topology");
    for (size_t at = t.find("status="); at != std::string::npos; at = t.find("status=", at + 1)) {
      out += t.substr(at + 7, t.find('\n', at) - at - 7) + " ";
    }
    return out;
  };
  dm_.SetCurrentGroup("mpatha", 0);  // as after a load, before any I/O
  Seconds(1);
  EXPECT_EQ(group_states(), "enabled enabled ");
  dm_.SetCurrentGroup("mpatha", 1);  // udev's probe read through the map
  Seconds(1);
  EXPECT_EQ(group_states(), "active enabled ");
  const size_t loads = dm_.calls().size();
  dm_.SetCurrentGroup("mpatha", 1);  // nothing changed: nothing is sent
  Seconds(1);
  EXPECT_EQ(dm_.calls().size() - loads, 2u) << "status of the two maps, nothing else";
  dm_.FailPathByKernel("mpatha", "8:0");  // an I/O error on sda
  Seconds(1);
  std::string paths = Reply("show paths format \"%d %t\"");
  EXPECT_NE(paths.find("sda failed"), std::string::npos) << paths;
}

TEST_F(DaemonTest, PersistentReservationCommandsAsTheReference) {
  Config(
      "defaults {\n find_multipaths greedy\n user_friendly_names yes\n reservation_key file\n}\n"
      "multipaths {\n multipath {\n  wwid " +
      testing::Naa6Wwid(2) + "\n  reservation_key 0x1234abcd\n }\n}\n");
  Start();
  const std::string file = paths_.prkeys_file;
  auto read = [&] { return files_.Read(file).value().value_or("(none)"); };
  auto body = [&] {
    std::string t = read();
    return t.substr(std::min(t.size(), PrKeysHeader().size()));
  };
  ASSERT_EQ(read(), PrKeysHeader()) << "started with the maps";
  struct stat st {};
  ASSERT_EQ(stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  // prflag: "0"/"1" without a newline; maps by alias or dm-N, not WWID.
  EXPECT_EQ(Reply("getprstatus map mpatha"), "0");
  EXPECT_EQ(Reply("setprstatus map mpatha"), "ok\n");
  EXPECT_EQ(Reply("getprstatus map dm-0"), "1");
  EXPECT_EQ(Reply("getprstatus map " + testing::Naa6Wwid(1)), "fail\n");
  EXPECT_EQ(Reply("unsetprstatus map mpatha"), "ok\n");
  EXPECT_EQ(Reply("getprstatus map mpatha"), "0");
  EXPECT_EQ(Reply("setprstatus map nosuch"), "fail\n");
  // Keys from the file.
  EXPECT_EQ(Reply("getprkey map mpatha"), "none\n");
  EXPECT_EQ(Reply("setprkey map mpatha key 0xabc"), "ok\n");
  EXPECT_EQ(Reply("getprkey map mpatha"), "0xabc\n");
  EXPECT_EQ(body(), "0x0000000000000abc " + testing::Naa6Wwid(1) + "\n");
  EXPECT_EQ(Reply("setprkey map mpatha key 12:aptpl"), "ok\n");
  EXPECT_EQ(Reply("getprkey map mpatha"), "0x12:aptpl\n");
  EXPECT_EQ(body(), "0X0000000000000012 " + testing::Naa6Wwid(1) + "\n");
  for (const char* bad : {"xyz", "0x00000000000000001", "file"}) {
    EXPECT_EQ(Reply(std::string("setprkey map mpatha key ") + bad), "fail\n") << bad;
  }
  EXPECT_EQ(Reply("getprkey map mpatha"), "0x12:aptpl\n");
  EXPECT_EQ(Reply("unsetprkey map mpatha"), "ok\n");
  EXPECT_EQ(Reply("getprkey map mpatha"), "none\n");
  EXPECT_EQ(body(), "#X0000000000000012 " + testing::Naa6Wwid(1) + "\n");
  EXPECT_EQ(Reply("setprkey map mpatha key 0x0"), "ok\n");  // 0: no key
  EXPECT_EQ(Reply("getprkey map mpatha"), "none\n");
  // A key from multipath.conf: shown; setprkey writes the file, then fails.
  EXPECT_EQ(Reply("getprkey map mpathb"), "0x1234abcd\n");
  EXPECT_EQ(Reply("setprkey map mpathb key 0x55"), "fail\n");
  EXPECT_EQ(Reply("getprkey map mpathb"), "0x1234abcd\n");
  EXPECT_NE(body().find("0x0000000000000055 " + testing::Naa6Wwid(2)), std::string::npos);
  // A restarted daemon reads the file.
  EXPECT_EQ(Reply("setprkey map mpatha key 0x77:aptpl"), "ok\n");
  daemon_.reset();
  Start();
  EXPECT_EQ(Reply("getprkey map mpatha"), "0x77:aptpl\n");
  EXPECT_EQ(Reply("getprstatus map mpatha"), "0");
}

TEST_F(DaemonTest, MarginalPathSamplingMovesAShakyPathIntoAMarginalGroupAndBack) {
  Config(
      "defaults {\n find_multipaths greedy\n user_friendly_names yes\n"
      " path_grouping_policy group_by_prio\n failback immediate\n marginal_pathgroups on\n"
      " marginal_path_double_failed_time 60\n marginal_path_err_sample_time 10\n"
      " marginal_path_err_rate_threshold 50\n marginal_path_err_recheck_gap_time 30\n}\n");
  Start();
  const std::string before = dm_.Table("mpatha").value();
  io_.FailReads("/dev/sda", 5);  // 200 per mille
  for (int i = 0; i < 2; ++i) {  // fails twice within 60 s
    io_.Down("/dev/sda", true);
    Seconds(6);
    io_.Down("/dev/sda", false);
    Seconds(6);
  }
  Seconds(6);
  // Sampled (kept failed meanwhile), then in a marginal group of its own,
  // last, and in use.
  EXPECT_TRUE(log_.Contains("sda: marked marginal")) << log_.Text();
  EXPECT_EQ(dm_.Table("mpatha").value(),
            "0 16384 multipath 0 1 alua 2 1 service-time 0 1 1 8:32 1 service-time 0 1 1 8:0 1");
  EXPECT_FALSE(PathOf("sda").dm_failed);
  EXPECT_EQ(Reply("show paths raw format \"%d %M\""),
            "sda marginal\nsdb normal\nsdc normal\nsdd normal\n");
  // Healthy again: the next sample (after the 30 s gap) takes it back.
  io_.FailReads("/dev/sda", 0);
  Seconds(60);
  EXPECT_TRUE(log_.Contains("sda: marginal: sampling I/O errors again")) << log_.Text();
  EXPECT_TRUE(log_.Contains("sda: marginal mark cleared")) << log_.Text();
  EXPECT_EQ(dm_.Table("mpatha").value(), before);
  EXPECT_FALSE(PathOf("sda").dm_failed);
}

}  // namespace
}  // namespace mpx
