#include "policy/topology.h"

#include <gtest/gtest.h>

#include "policy/prio.h"

namespace mpx {
namespace {

TEST(PrioTest, AluaStates) {
  EXPECT_EQ(AluaStatePriority("active/optimized"), 50);
  EXPECT_EQ(AluaStatePriority("active/non-optimized"), 10);
  EXPECT_EQ(AluaStatePriority("lba-dependent"), 5);
  EXPECT_EQ(AluaStatePriority("standby"), 1);
  EXPECT_EQ(AluaStatePriority("unavailable"), 0);
  Path p;
  EXPECT_EQ(PathPriority(p), 1);
  EXPECT_EQ(PrioritizerName(p), "const");
}

TEST(OrderGroupsTest, DescendingPriorityStableInsideTies) {
  // The REFERENCE.md example: priorities {7,1,3,3,5,2,8,2} under group_by_prio.
  std::vector<PathGroup> g = {{{6}, 8}, {{0}, 7}, {{1}, 1}, {{2, 3}, 3},
                              {{4}, 5}, {{5, 7}, 2}};
  OrderGroups(g);
  std::vector<std::vector<size_t>> order;
  for (auto& x : g) order.push_back(x.paths);
  EXPECT_EQ(order, (std::vector<std::vector<size_t>>{{6}, {0}, {4}, {2, 3}, {5, 7}, {1}}));
}

TEST(OrderGroupsTest, TieGoesToMorePaths) {
  std::vector<PathGroup> g = {{{0}, 10}, {{1, 2}, 10}};
  OrderGroups(g);
  EXPECT_EQ(g[0].paths.size(), 2u);
}

TEST(BuildMapTest, FailoverGroupsBestFirstWithAttachedHandler) {
  std::vector<Path> paths(3);
  const char* states[] = {"standby", "active/optimized", "active/non-optimized"};
  for (int i = 0; i < 3; ++i) {
    paths[i].alua_state = states[i];
    paths[i].hw_handler = "alua";
  }
  CandidateMap c{"3600a", {0, 1, 2}, "Linux", "scsi_debug", 2048, {}};
  MultipathMap m = BuildMap(c, paths);
  EXPECT_EQ(m.name, "3600a");
  EXPECT_EQ(m.hwhandler, "1 alua");
  ASSERT_EQ(m.groups.size(), 3u);
  EXPECT_EQ(m.groups[0].paths, std::vector<size_t>{1});
  EXPECT_EQ(m.groups[0].priority, 50);
  EXPECT_EQ(m.groups[1].paths, std::vector<size_t>{2});
  EXPECT_EQ(m.groups[2].priority, 1);
}

}  // namespace
}  // namespace mpx
