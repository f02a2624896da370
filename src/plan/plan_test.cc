#include "plan/plan.h"

#include <gtest/gtest.h>

#include "policy/dm_table.h"

namespace mpx {
namespace {

DmTable T(const char* line) { return ParseTable(line).value(); }

constexpr const char* kTwoPaths =
    "0 16384 multipath 0 0 2 1 service-time 0 1 1 8:0 1 service-time 0 1 1 8:16 1";
constexpr const char* kEcho =
    "0 16384 multipath 0 0 2 1 service-time 0 1 2 8:0 1 1 service-time 0 1 2 8:16 1 1";

WantedMap Want(const std::string& name, const std::string& wwid, const char* table = kTwoPaths) {
  WantedMap w;
  w.map.name = name;
  w.map.wwid = wwid;
  w.table = T(table);
  return w;
}

CurrentMap Have(const std::string& name, const std::string& wwid, const char* table = kEcho) {
  CurrentMap c;
  c.info.name = name;
  c.info.uuid = "mpath-" + wwid;
  c.table = T(table);
  return c;
}

TEST(PlanTest, CreateNothingReloadRename) {
  std::vector<WantedMap> wanted = {
      Want("a", "1"), Want("b", "2"),
      Want("c", "3", "0 16384 multipath 0 0 1 1 service-time 0 1 1 8:0 1"), Want("mpathd", "4")};
  std::vector<CurrentMap> current = {Have("b", "2"), Have("c", "3"), Have("4", "4")};
  auto actions = PlanActions(wanted, current, ReloadRule::kWhenDifferent);
  ASSERT_EQ(actions.size(), 4u);
  EXPECT_EQ(actions[0].kind, ActionKind::kCreate);
  EXPECT_EQ(actions[1].kind, ActionKind::kNothing);  // the kernel's echo counts as equal
  EXPECT_EQ(actions[2].kind, ActionKind::kReload);
  EXPECT_EQ(actions[2].reason, "table differs");
  ASSERT_TRUE(actions[2].current_table);
  EXPECT_EQ(actions[3].kind, ActionKind::kRename);
  EXPECT_EQ(actions[3].current_name, "4");
  EXPECT_EQ(actions[3].reason, "name 4 -> mpathd");
  EXPECT_EQ(ActionWord(actions[0].kind), "create");
  EXPECT_EQ(ActionWord(actions[1].kind), "");
}

// As the reference: a new name is only a rename, unless forced.
TEST(PlanTest, ForceReloadAndRenameReload) {
  auto forced = PlanActions({Want("b", "2")}, {Have("b", "2")}, ReloadRule::kAlways);
  EXPECT_EQ(forced[0].kind, ActionKind::kReload);
  EXPECT_EQ(forced[0].reason, "reload forced");
  const char* other = "0 16384 multipath 0 0 1 1 round-robin 0 1 1 8:0 1";
  auto rename =
      PlanActions({Want("new", "2", other)}, {Have("old", "2")}, ReloadRule::kWhenDifferent);
  EXPECT_EQ(rename[0].kind, ActionKind::kRename);
  EXPECT_EQ(rename[0].reason, "name old -> new");
  auto both = PlanActions({Want("new", "2", other)}, {Have("old", "2")}, ReloadRule::kAlways);
  EXPECT_EQ(both[0].kind, ActionKind::kRenameReload);
  EXPECT_EQ(both[0].reason, "name old -> new; reload forced");
}

TEST(PlanTest, NameOfAnotherMapIsAConflict) {
  auto a = PlanActions({Want("data", "2")}, {Have("data", "9")}, ReloadRule::kWhenDifferent);
  EXPECT_EQ(a[0].kind, ActionKind::kConflict);
  EXPECT_EQ(a[0].reason, "name data is used by map with uuid mpath-9");
}

TEST(PlanTest, UnparsableKernelTableIsReloaded) {
  CurrentMap c = Have("b", "2");
  c.table.reset();
  auto a = PlanActions({Want("b", "2")}, {c}, ReloadRule::kWhenDifferent);
  EXPECT_EQ(a[0].kind, ActionKind::kReload);
}

}  // namespace
}  // namespace mpx
