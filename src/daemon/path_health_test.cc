#include "daemon/path_health.h"

#include <gtest/gtest.h>

namespace mpx {
namespace {

using std::chrono::seconds;
constexpr size_t kOthers = 1;

ShakyPolicy San(int threshold, int forget, int recovery) {
  ShakyPolicy p;
  p.san_threshold = threshold;
  p.san_forget_rate = forget;
  p.san_recovery_time = recovery;
  return p;
}

ShakyPolicy Marginal() {
  ShakyPolicy p;
  p.double_failed_time = 60;
  p.sample_time = 120;
  p.rate_threshold = 10;
  p.recheck_gap_time = 300;
  return p;
}

TEST(PathHealthTest, WithoutPolicyAReturningPathIsUsedAtOnce) {
  PathHealth h;
  ShakyPolicy none;
  MonoTime t{};
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(OnCheck(none, h, true, false, kOthers, t), HealthVerdict::kUse);
    EXPECT_EQ(OnCheck(none, h, false, true, kOthers, t), HealthVerdict::kUse);
  }
}

TEST(PathHealthTest, SanPathErrHoldsAPathThatFailedTooOftenForTheRecoveryTime) {
  ShakyPolicy p = San(2, 10, 30);
  PathHealth h;
  MonoTime t{};
  for (int i = 0; i < 2; ++i) {  // two failures: not more than the threshold
    OnCheck(p, h, true, false, kOthers, t);
    EXPECT_EQ(OnCheck(p, h, false, true, kOthers, t), HealthVerdict::kUse);
  }
  OnCheck(p, h, true, false, kOthers, t);  // the third
  EXPECT_EQ(OnCheck(p, h, false, true, kOthers, t), HealthVerdict::kHold);
  EXPECT_NE(h.why.find("failed 3 times"), std::string::npos) << h.why;
  EXPECT_EQ(OnCheck(p, h, true, true, kOthers, t + seconds(29)), HealthVerdict::kHold);
  EXPECT_EQ(OnCheck(p, h, true, true, kOthers, t + seconds(30)), HealthVerdict::kUse);
  EXPECT_EQ(h.failures, 0);
}

TEST(PathHealthTest, SanPathErrForgetsOneFailurePerForgetRateGoodChecks) {
  ShakyPolicy p = San(1, 3, 30);
  PathHealth h;
  MonoTime t{};
  OnCheck(p, h, true, false, kOthers, t);
  OnCheck(p, h, false, true, kOthers, t);
  for (int i = 0; i < 3; ++i) OnCheck(p, h, true, true, kOthers, t);  // forgotten
  EXPECT_EQ(h.failures, 0);
  OnCheck(p, h, true, false, kOthers, t);
  EXPECT_EQ(OnCheck(p, h, false, true, kOthers, t), HealthVerdict::kUse);  // 1, not > 1
}

TEST(PathHealthTest, AShakyPathIsReinstatedEarlyWhenNoOtherPathWorks) {
  ShakyPolicy p = San(1, 10, 300);
  PathHealth h;
  MonoTime t{};
  OnCheck(p, h, true, false, kOthers, t);
  OnCheck(p, h, false, true, kOthers, t);
  OnCheck(p, h, true, false, kOthers, t);
  EXPECT_EQ(OnCheck(p, h, false, true, kOthers, t), HealthVerdict::kHold);
  EXPECT_EQ(OnCheck(p, h, true, true, 0, t + seconds(5)), HealthVerdict::kUse);
  EXPECT_NE(h.why.find("early"), std::string::npos);
  EXPECT_FALSE(h.held);
}

TEST(PathHealthTest, DelayChecksMapOntoSanPathErrOnlyWhenThatIsUnset) {
  ShakyPolicy p = MapDelayChecks({}, 4, 3, 20);
  EXPECT_EQ(p.san_threshold, 1);
  EXPECT_EQ(p.san_forget_rate, 4);
  EXPECT_EQ(p.san_recovery_time, 60);
  ShakyPolicy set = MapDelayChecks(San(5, 6, 7), 4, 3, 20);
  EXPECT_EQ(set.san_threshold, 5);
  EXPECT_EQ(set.san_recovery_time, 7);
  EXPECT_FALSE(MapDelayChecks({}, 0, 0, 20).san_active());
}

TEST(PathHealthTest, MarginalDoubleFailureSamplesThenHoldsOrReleases) {
  ShakyPolicy p = Marginal();
  PathHealth h;
  MonoTime t{};
  OnCheck(p, h, true, false, kOthers, t);
  EXPECT_EQ(OnCheck(p, h, false, true, kOthers, t + seconds(5)), HealthVerdict::kUse);  // once
  OnCheck(p, h, true, false, kOthers, t + seconds(30));  // twice within 60 s
  EXPECT_EQ(OnCheck(p, h, false, true, kOthers, t + seconds(35)), HealthVerdict::kSample);
  EXPECT_EQ(OnCheck(p, h, true, true, kOthers, t + seconds(40)), HealthVerdict::kHold);  // sampling
  // 5% errors > 1%: held for the recheck gap, then sampled again.
  EXPECT_EQ(OnSample(p, h, 60, 1200, kOthers, t + seconds(155)), HealthVerdict::kHold);
  EXPECT_EQ(OnCheck(p, h, true, true, kOthers, t + seconds(300)), HealthVerdict::kHold);
  EXPECT_EQ(OnCheck(p, h, true, true, kOthers, t + seconds(455)), HealthVerdict::kSample);
  EXPECT_EQ(OnSample(p, h, 0, 1200, kOthers, t + seconds(575)), HealthVerdict::kUse);
  EXPECT_FALSE(h.held);
  EXPECT_EQ(OnCheck(p, h, true, true, kOthers, t + seconds(580)), HealthVerdict::kUse);
}

TEST(PathHealthTest, WithMarginalPathgroupsAShakyPathIsUsedInAMarginalGroupAndResampled) {
  ShakyPolicy p = Marginal();
  p.marginal_groups = true;
  PathHealth h;
  MonoTime t{};
  OnCheck(p, h, true, false, kOthers, t);
  OnCheck(p, h, false, true, kOthers, t + seconds(5));
  OnCheck(p, h, true, false, kOthers, t + seconds(30));
  EXPECT_EQ(OnCheck(p, h, false, true, kOthers, t + seconds(35)), HealthVerdict::kSample);
  EXPECT_TRUE(h.sampling) << "the first sample keeps it failed";
  // 5% errors: marginal, in use (not held), sampled again after the gap.
  EXPECT_EQ(OnSample(p, h, 60, 1200, kOthers, t + seconds(155)), HealthVerdict::kUse);
  EXPECT_TRUE(h.marginal);
  EXPECT_FALSE(h.held);
  EXPECT_FALSE(h.sampling);
  EXPECT_NE(h.why.find("in a marginal path group"), std::string::npos) << h.why;
  EXPECT_EQ(OnCheck(p, h, true, true, kOthers, t + seconds(300)), HealthVerdict::kUse);
  EXPECT_EQ(OnCheck(p, h, true, true, kOthers, t + seconds(455)), HealthVerdict::kSample);
  EXPECT_TRUE(h.in_use_sample);
  EXPECT_FALSE(h.sampling) << "a marginal path stays in use while sampled again";
  EXPECT_EQ(OnCheck(p, h, true, true, kOthers, t + seconds(460)), HealthVerdict::kUse)
      << "one sample at a time";
  EXPECT_EQ(OnSample(p, h, 70, 1200, kOthers, t + seconds(575)), HealthVerdict::kUse);
  EXPECT_TRUE(h.marginal);
  EXPECT_EQ(OnCheck(p, h, true, true, kOthers, t + seconds(875)), HealthVerdict::kSample);
  EXPECT_EQ(OnSample(p, h, 0, 1200, kOthers, t + seconds(995)), HealthVerdict::kUse);
  EXPECT_FALSE(h.marginal) << "a good sample takes it out of the marginal group";
  EXPECT_EQ(OnCheck(p, h, true, true, kOthers, t + seconds(2000)), HealthVerdict::kUse);
}

TEST(PathHealthTest, FailuresFarApartAreNotMarginal) {
  ShakyPolicy p = Marginal();
  PathHealth h;
  MonoTime t{};
  OnCheck(p, h, true, false, kOthers, t);
  OnCheck(p, h, false, true, kOthers, t + seconds(1));
  OnCheck(p, h, true, false, kOthers, t + seconds(100));
  EXPECT_EQ(OnCheck(p, h, false, true, kOthers, t + seconds(101)), HealthVerdict::kUse);
}

}  // namespace
}  // namespace mpx
