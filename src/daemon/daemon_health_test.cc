// The daemon and shaky paths: san_path_err, marginal path sampling.
#include "daemon/daemon_test_fixture.h"

namespace mpx::daemon_test {
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
}  // namespace mpx::daemon_test
