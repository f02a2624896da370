#include "testing/fake_devmapper.h"

#include <gtest/gtest.h>

#include <cerrno>

#include "policy/dm_table.h"

namespace mpx {
namespace {

constexpr const char* kTable =
    "0 2048 multipath 0 0 2 1 service-time 0 1 1 8:16 1 service-time 0 1 1 8:32 1";

class FakeDeviceMapperTest : public testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(dm_.Create("mpatha", "mpath-3600a", kTable, {}).ok()); }
  DmStatus StatusOf(const std::string& name) {
    auto line = dm_.Status(name);
    EXPECT_TRUE(line.ok());
    auto s = ParseStatus(*line);
    EXPECT_TRUE(s.ok()) << s.error().message;
    return *s;
  }
  FakeDeviceMapper dm_;
};

TEST_F(FakeDeviceMapperTest, KeepsTheTableAndListsByTargetType) {
  EXPECT_EQ(*dm_.Table("mpatha"), kTable);
  ASSERT_TRUE(dm_.Create("lin", "", "0 8 linear 8:0 0", {}).ok());
  auto maps = dm_.List("multipath");
  ASSERT_TRUE(maps.ok());
  ASSERT_EQ(maps->size(), 1u);
  EXPECT_EQ((*maps)[0].name, "mpatha");
  EXPECT_EQ((*maps)[0].uuid, "mpath-3600a");
  EXPECT_EQ((*maps)[0].DevT(), "253:0");
  EXPECT_EQ(dm_.Info("lin")->DevT(), "253:1");
}

TEST_F(FakeDeviceMapperTest, FindsMapsByUuidAndDeviceNumber) {
  ASSERT_TRUE(dm_.Create("lin", "", "0 8 linear 8:0 0", {}).ok());
  EXPECT_EQ(dm_.InfoByUuid("mpath-3600a")->name, "mpatha");
  EXPECT_EQ(dm_.InfoByDevT(253, 1)->name, "lin");
  EXPECT_EQ(dm_.InfoByUuid("mpath-3600b").error().code, ENXIO);
  EXPECT_EQ(dm_.InfoByDevT(253, 7).error().code, ENXIO);
}

TEST_F(FakeDeviceMapperTest, StatusLooksLikeTheKernels) {
  EXPECT_EQ(*dm_.Status("mpatha"),
            "0 2048 multipath 2 0 0 0 2 1 A 0 1 2 8:16 A 0 0 1 E 0 1 2 8:32 A 0 0 1 ");
}

TEST_F(FakeDeviceMapperTest, MessagesChangePathAndGroupState) {
  ASSERT_TRUE(dm_.Message("mpatha", "fail_path 8:16").ok());
  DmStatus s = StatusOf("mpatha");
  EXPECT_FALSE(s.groups[0].paths[0].active);
  EXPECT_EQ(s.groups[0].paths[0].fail_count, 1u);
  ASSERT_TRUE(dm_.Message("mpatha", "reinstate_path 8:16").ok());
  ASSERT_TRUE(dm_.Message("mpatha", "switch_group 2").ok());
  ASSERT_TRUE(dm_.Message("mpatha", "disable_group 1").ok());
  s = StatusOf("mpatha");
  EXPECT_TRUE(s.groups[0].paths[0].active);
  EXPECT_EQ(s.groups[0].paths[0].fail_count, 1u);  // the kernel keeps counting
  EXPECT_EQ(s.current_group, 2u);
  EXPECT_EQ(s.groups[0].state, DmGroupState::kDisabled);
  EXPECT_EQ(s.groups[1].state, DmGroupState::kActive);
  EXPECT_EQ(dm_.Message("mpatha", "fail_path 8:99").error().message,
            "map mpatha: message \"fail_path 8:99\": Invalid argument");
  EXPECT_EQ(dm_.Message("mpatha", "switch_group 3").error().code, EINVAL);
}

TEST_F(FakeDeviceMapperTest, QueueingMessagesEditTheFeatures) {
  ASSERT_TRUE(dm_.Message("mpatha", "queue_if_no_path").ok());
  EXPECT_EQ(ParseTable(*dm_.Table("mpatha"))->features,
            std::vector<std::string>{"queue_if_no_path"});
  ASSERT_TRUE(dm_.Message("mpatha", "fail_path 8:16").ok());
  ASSERT_TRUE(dm_.Message("mpatha", "fail_path 8:32").ok());
  EXPECT_TRUE(StatusOf("mpatha").queueing);
  ASSERT_TRUE(dm_.Message("mpatha", "fail_if_no_path").ok());
  EXPECT_TRUE(ParseTable(*dm_.Table("mpatha"))->features.empty());
}

TEST_F(FakeDeviceMapperTest, ReloadReplacesTheTableAndResetsPathState) {
  ASSERT_TRUE(dm_.Message("mpatha", "fail_path 8:16").ok());
  dm_.SetOpenCount("mpatha", 1);
  const char* t2 = "0 2048 multipath 0 0 1 1 round-robin 0 2 1 8:16 1 8:32 1";
  ASSERT_TRUE(dm_.Reload("mpatha", t2, MapUdevFlags{.reload = true}).ok());
  EXPECT_EQ(*dm_.Table("mpatha"), t2);
  EXPECT_TRUE(StatusOf("mpatha").groups[0].paths[0].active);
  EXPECT_EQ(
      dm_.Reload("mpatha", "0 2048 multipath 1", MapUdevFlags{.reload = true}).error().message,
      "map mpatha: reload: dm table: word 4 (end of line): expected a feature word");
  EXPECT_EQ(*dm_.Table("mpatha"), t2);
}

TEST_F(FakeDeviceMapperTest, CreateRefusesTakenNamesAndUuids) {
  EXPECT_EQ(dm_.Create("mpatha", "mpath-x", kTable, {}).error().code, EBUSY);
  EXPECT_EQ(dm_.Create("mpathb", "mpath-3600a", kTable, {}).error().code, EBUSY);
  EXPECT_EQ(dm_.Table("nope").error().message, "map nope: table: No such device or address");
}

TEST_F(FakeDeviceMapperTest, SuspendResumeRename) {
  ASSERT_TRUE(dm_.Suspend("mpatha").ok());
  EXPECT_TRUE(dm_.Info("mpatha")->suspended);
  ASSERT_TRUE(dm_.Resume("mpatha").ok());
  EXPECT_FALSE(dm_.Info("mpatha")->suspended);
  ASSERT_TRUE(dm_.Rename("mpatha", "data").ok());
  EXPECT_EQ(dm_.Find("mpatha"), nullptr);
  EXPECT_EQ(dm_.Info("data")->uuid, "mpath-3600a");
}

TEST_F(FakeDeviceMapperTest, RemoveRefusesAnOpenMapUnlessDeferred) {
  dm_.SetOpenCount("mpatha", 2);
  auto r = dm_.Remove("mpatha", RemoveMode::kNow);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "map mpatha: remove: in use (open count 2)");
  EXPECT_EQ(r.error().code, EBUSY);
  ASSERT_TRUE(dm_.Remove("mpatha", RemoveMode::kDeferred).ok());
  EXPECT_TRUE(dm_.Info("mpatha")->deferred_remove);
  dm_.SetOpenCount("mpatha", 0);
  EXPECT_EQ(dm_.Find("mpatha"), nullptr);
}

TEST_F(FakeDeviceMapperTest, InjectedFailuresHitTheNthMatchingCall) {
  dm_.InjectFailure(EIO, 2, "message");
  EXPECT_TRUE(dm_.Status("mpatha").ok());
  EXPECT_TRUE(dm_.Message("mpatha", "fail_path 8:16").ok());
  auto r = dm_.Message("mpatha", "fail_path 8:32");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "map mpatha: message: Input/output error");
  EXPECT_TRUE(StatusOf("mpatha").groups[1].paths[0].active);  // no effect
  EXPECT_TRUE(dm_.Message("mpatha", "fail_path 8:32").ok());

  dm_.InjectFailure(ENODEV);
  EXPECT_EQ(dm_.List("multipath").error().code, ENODEV);
  EXPECT_TRUE(dm_.List("multipath").ok());
  std::vector<std::string> want = {"create mpatha",
                                   "status mpatha",
                                   "message mpatha fail_path 8:16",
                                   "message mpatha fail_path 8:32",
                                   "status mpatha",
                                   "message mpatha fail_path 8:32",
                                   "list",
                                   "list"};
  EXPECT_EQ(dm_.calls(), want);
}

TEST_F(FakeDeviceMapperTest, WithoutDeviceMapperEveryCallFailsAndChangesNothing) {
  DmAvailability absent;
  absent.absence = DmAbsence::kNoDriver;
  absent.open_errno = ENODEV;
  absent.in_proc_misc = false;
  dm_.SetAvailability(absent);
  EXPECT_EQ(dm_.Availability().absence, DmAbsence::kNoDriver);
  auto list = dm_.List("multipath");
  ASSERT_FALSE(list.ok());
  EXPECT_TRUE(IsDmUnavailable(list.error()));
  EXPECT_EQ(list.error().message, "map *: list: device-mapper is not available");
  EXPECT_EQ(dm_.Info("mpatha").error().code, kDmUnavailable);
  EXPECT_EQ(dm_.InfoByDevT(253, 0).error().code, kDmUnavailable);
  EXPECT_EQ(dm_.Create("mpathb", "mpath-3600b", kTable, {}).error().code, kDmUnavailable);
  EXPECT_EQ(dm_.Remove("mpatha", RemoveMode::kNow).error().code, kDmUnavailable);
  EXPECT_EQ(dm_.Find("mpathb"), nullptr);
  // Back: the maps are as they were.
  dm_.SetAvailability({});
  EXPECT_TRUE(dm_.Availability().available());
  EXPECT_EQ(*dm_.Table("mpatha"), kTable);
  EXPECT_EQ(dm_.List("multipath")->size(), 1u);
}

}  // namespace
}  // namespace mpx
