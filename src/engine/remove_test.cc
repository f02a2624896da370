#include "engine/remove.h"

#include <gtest/gtest.h>

#include <cerrno>

#include "engine/execute.h"
#include "testing/fake_clock.h"
#include "testing/fake_devmapper.h"

namespace mpx {
namespace {

constexpr const char* kMpathTable = "0 16384 multipath 0 0 1 1 service-time 0 1 1 8:0 1";

// mpatha (253:0) with partition maps mpatha-part1, -part2 (as udev's kpartx
// rule names them); mpathb (253:3) with one; a linear map over mpatha that
// kpartx did not make (another uuid).
class RemoveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(dm_.Create("mpatha", "mpath-3600a", kMpathTable, {}).ok());
    ASSERT_TRUE(
        dm_.Create("mpatha-part1", "part1-mpath-3600a", "0 2048 linear 253:0 2048", {}).ok());
    ASSERT_TRUE(
        dm_.Create("mpatha-part2", "part2-mpath-3600a", "0 2048 linear 253:0 4096", {}).ok());
    ASSERT_TRUE(dm_.Create("mpathb", "mpath-3600b", kMpathTable, {}).ok());
    ASSERT_TRUE(dm_.Create("mpathb1", "part1-mpath-3600b", "0 2048 linear 253:3 2048", {}).ok());
  }
  bool Has(const std::string& name) { return dm_.Find(name) != nullptr; }
  std::vector<std::string> PartsOf(const std::string& name) {
    std::vector<std::string> out;
    auto parts = PartitionMapsOf(dm_, dm_.Info(name).value());
    for (const DmMapInfo& m : parts.value()) out.push_back(m.name);
    return out;
  }

  FakeDeviceMapper dm_;
  testing::FakeClock clock_;
};

TEST_F(RemoveTest, PartitionMapsFoundByUuidAndTable) {
  EXPECT_EQ(PartsOf("mpatha"), (std::vector<std::string>{"mpatha-part1", "mpatha-part2"}));
  EXPECT_EQ(PartsOf("mpathb"), (std::vector<std::string>{"mpathb1"}));
  // A part uuid of mpatha's over another device is not mpatha's.
  ASSERT_TRUE(dm_.Create("stray", "part3-mpath-3600a", "0 8 linear 8:0 0", {}).ok());
  EXPECT_EQ(PartsOf("mpatha").size(), 2u);
}

TEST_F(RemoveTest, MapGoesWithItsPartitionMaps) {
  EXPECT_EQ(dm_.Info("mpatha").value().open_count, 2);  // held by its partition maps
  ASSERT_TRUE(RemoveUnusedMap(dm_, clock_, "mpatha", 0).ok());
  EXPECT_FALSE(Has("mpatha"));
  EXPECT_FALSE(Has("mpatha-part1"));
  EXPECT_FALSE(Has("mpatha-part2"));
  EXPECT_TRUE(Has("mpathb"));
  EXPECT_TRUE(Has("mpathb1"));
}

TEST_F(RemoveTest, OpenPartitionMapKeepsEverything) {
  dm_.SetOpenCount("mpatha-part2", 1);  // mounted
  Status s = RemoveUnusedMap(dm_, clock_, "mpatha", 2);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, EBUSY);
  EXPECT_NE(s.error().message.find("mpatha-part2: map in use"), std::string::npos);
  EXPECT_TRUE(Has("mpatha"));
  EXPECT_TRUE(Has("mpatha-part1"));
  EXPECT_TRUE(Has("mpatha-part2"));
}

TEST_F(RemoveTest, MapOpenBeyondItsPartitionsKeepsEverything) {
  dm_.SetOpenCount("mpathb", 2);  // mpathb1, and a holder that is no partition map
  Status s = RemoveUnusedMap(dm_, clock_, "mpathb", 0);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("mpathb: map in use (open count 2)"), std::string::npos);
  EXPECT_TRUE(Has("mpathb1"));
}

TEST_F(RemoveTest, DeferredRemovalTakesThePartitionMapsToo) {
  dm_.SetOpenCount("mpatha-part1", 1);
  ASSERT_TRUE(RemoveMapDeferred(dm_, "mpatha").ok());
  EXPECT_FALSE(Has("mpatha-part2"));
  EXPECT_TRUE(dm_.Find("mpatha-part1")->info.deferred_remove);
  EXPECT_TRUE(dm_.Find("mpatha")->info.deferred_remove);
  dm_.SetOpenCount("mpatha-part1", 0);  // unmounted: both go
  EXPECT_FALSE(Has("mpatha-part1"));
  EXPECT_FALSE(Has("mpatha"));
}

TEST_F(RemoveTest, RenameTakesThePartitionMapsAlong) {
  ASSERT_TRUE(dm_.Rename("mpatha", "data").ok());
  ASSERT_TRUE(RenamePartitionMaps(dm_, "mpatha", "data", std::nullopt).ok());
  EXPECT_TRUE(Has("data1"));
  EXPECT_TRUE(Has("data2"));
  ASSERT_TRUE(dm_.Rename("data", "disk9").ok());
  ASSERT_TRUE(RenamePartitionMaps(dm_, "data", "disk9", std::nullopt).ok());
  EXPECT_TRUE(Has("disk9p1"));
  ASSERT_TRUE(dm_.Rename("disk9", "db").ok());
  ASSERT_TRUE(RenamePartitionMaps(dm_, "disk9", "db", std::string("-part")).ok());
  EXPECT_TRUE(Has("db-part1"));
  EXPECT_TRUE(Has("db-part2"));
  EXPECT_TRUE(Has("mpathb1"));  // another map's
}

TEST_F(RemoveTest, ExecutedRenameRenamesPartitionsUnlessSkipKpartx) {
  WantedMap w;
  w.map.name = "data";
  w.map.wwid = "3600a";
  MapAction a{.kind = ActionKind::kRename, .wanted = 0, .current_name = "mpatha"};
  CaptureLogger log;
  auto st = ExecuteActions(dm_, {a}, {w}, log, false);
  ASSERT_EQ(st.size(), 1u);
  EXPECT_TRUE(st[0].ok());
  EXPECT_TRUE(Has("data1"));
  w.map.name = "mpathb2";
  w.skip_kpartx = true;
  a.current_name = "mpathb";
  (void)ExecuteActions(dm_, {a}, {w}, log, false);
  EXPECT_TRUE(Has("mpathb2"));
  EXPECT_TRUE(Has("mpathb1"));  // skip_kpartx: left as it was
}

}  // namespace
}  // namespace mpx
