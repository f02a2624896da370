// The daemon and path priorities: ALUA state changes, regrouping, failback.
#include "daemon/daemon_test_fixture.h"

namespace mpx::daemon_test {
namespace {

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

}  // namespace
}  // namespace mpx::daemon_test
