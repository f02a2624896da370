#include "policy/path_validity.h"

#include <gtest/gtest.h>

namespace mpx {
namespace {

using FM = FindMultipaths;

struct Case {
  FM mode;
  bool blacklisted, in_wwids, in_map;
  size_t paths;
  PathValidity want;
};

// The reference's answers, measured in the lab (tests/lab/answers.sh).
TEST(PathValidityTest, EveryModeAsTheReference) {
  const Case cases[] = {
      {FM::kStrict, false, false, false, 2, PathValidity::kNo},
      {FM::kStrict, false, true, false, 1, PathValidity::kYes},
      {FM::kStrict, false, false, true, 2, PathValidity::kYes},
      {FM::kOff, false, false, false, 2, PathValidity::kNo},
      {FM::kOff, false, true, false, 2, PathValidity::kYes},
      {FM::kOn, false, false, false, 2, PathValidity::kNo},
      {FM::kOn, false, true, false, 2, PathValidity::kYes},
      {FM::kGreedy, false, false, false, 1, PathValidity::kYes},
      {FM::kGreedy, true, true, true, 2, PathValidity::kNo},
      {FM::kSmart, false, false, false, 2, PathValidity::kYes},
      {FM::kSmart, false, false, false, 1, PathValidity::kMaybe},
      {FM::kSmart, false, true, false, 1, PathValidity::kYes},
      {FM::kSmart, true, false, false, 2, PathValidity::kNo},
  };
  for (const Case& c : cases) {
    std::string why;
    PathFacts f{c.mode, c.blacklisted, c.in_wwids, c.in_map, c.paths};
    EXPECT_EQ(DecidePathValidity(f, &why), c.want)
        << "mode " << static_cast<int>(c.mode) << " blacklisted " << c.blacklisted << " wwids "
        << c.in_wwids << " map " << c.in_map << " paths " << c.paths;
    EXPECT_FALSE(why.empty());
  }
}

TEST(PathValidityTest, SmartWaitSeconds) {
  EXPECT_EQ(SmartWaitSeconds(-10, true), 10);
  EXPECT_EQ(SmartWaitSeconds(-10, false), 1);
  EXPECT_EQ(SmartWaitSeconds(0, true), 10);
  EXPECT_EQ(SmartWaitSeconds(30, false), 30);
}

TEST(PathValidityTest, FirstQuestionStartsTheWaitLaterOnesCompareTheClock) {
  SmartWait first = DecideSmartWait(std::nullopt, 100.5, 500, 10);
  EXPECT_TRUE(first.waiting);
  EXPECT_TRUE(first.record_new);
  EXPECT_DOUBLE_EQ(first.until, 110.5);
  SmartWait during = DecideSmartWait(110.5, 0, 105, 10);
  EXPECT_TRUE(during.waiting);
  EXPECT_FALSE(during.record_new);
  SmartWait after = DecideSmartWait(110.5, 0, 111, 10);
  EXPECT_FALSE(after.waiting);
}

TEST(PathValidityTest, ReferenceOutputLines) {
  EXPECT_EQ(FormatValidity(PathValidity::kYes, std::nullopt), "DM_MULTIPATH_DEVICE_PATH=\"1\"\n");
  EXPECT_EQ(FormatValidity(PathValidity::kNo, std::nullopt), "DM_MULTIPATH_DEVICE_PATH=\"0\"\n");
  SmartWait w{true, 1.0, true};
  EXPECT_EQ(FormatValidity(PathValidity::kMaybe, w),
            "FIND_MULTIPATHS_WAIT_UNTIL=\"1.000000\"\nDM_MULTIPATH_DEVICE_PATH=\"2\"\n");
  SmartWait frac{true, 12.25, false};
  EXPECT_EQ(FormatValidity(PathValidity::kMaybe, frac).substr(0, 38),
            "FIND_MULTIPATHS_WAIT_UNTIL=\"12.250000\"");
  SmartWait done{false, 5, false};
  EXPECT_EQ(FormatValidity(PathValidity::kNo, done),
            "FIND_MULTIPATHS_WAIT_UNTIL=\"0\"\nDM_MULTIPATH_DEVICE_PATH=\"0\"\n");
}

TEST(NeedsMemberUeventTest, OnlyPathsUdevHasNotClaimedOrThatAreWaiting) {
  const std::string one = "1", zero = "0", later = "1234567";
  EXPECT_TRUE(NeedsMemberUevent(nullptr, nullptr));  // udev never classified it
  EXPECT_TRUE(NeedsMemberUevent(&zero, nullptr));
  EXPECT_TRUE(NeedsMemberUevent(&zero, &zero));
  EXPECT_FALSE(NeedsMemberUevent(&one, nullptr));
  EXPECT_FALSE(NeedsMemberUevent(&one, &zero));
  EXPECT_TRUE(NeedsMemberUevent(&one, &later));  // smart wait still running
}

}  // namespace
}  // namespace mpx
