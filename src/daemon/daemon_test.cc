// The daemon at its core: start, checks and their intervals, failover and
// failback, queueing, hung checks, ghost_delay, recheck_wwid, configuration
// reads.
#include "daemon/daemon_test_fixture.h"

namespace mpx::daemon_test {
namespace {

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

}  // namespace
}  // namespace mpx::daemon_test
