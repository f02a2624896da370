#include "policy/topology.h"

#include <gtest/gtest.h>

#include "policy/prio.h"
#include "testing/numbered_paths.h"

namespace mpx {
namespace {

TEST(PrioTest, AluaStates) {
  EXPECT_EQ(AluaStatePriority("active/optimized"), 50);
  EXPECT_EQ(AluaStatePriority("active/non-optimized"), 10);
  EXPECT_EQ(AluaStatePriority("lba-dependent"), 5);
  EXPECT_EQ(AluaStatePriority("standby"), 1);
  EXPECT_EQ(AluaStatePriority("unavailable"), 0);
}

using testing::Ids;
using testing::Indices;
using testing::NumberedPaths;

std::vector<std::vector<size_t>> Members(const std::vector<PathGroup>& g) {
  std::vector<std::vector<size_t>> out;
  for (const auto& x : g) out.push_back(Indices(x.paths));
  return out;
}

CandidateMap Candidate(size_t n) {
  CandidateMap c{"3600a", {}, "Linux", "scsi_debug", 2048, {}};
  for (size_t i = 0; i < n; ++i) c.paths.push_back(testing::Id(i));
  return c;
}

// The paths with these priorities.
PathSet WithPrio(std::vector<Path> paths, const std::vector<int>& prio) {
  for (size_t i = 0; i < paths.size(); ++i) paths[i].priority = prio[i];
  return PathSet(std::move(paths));
}

TEST(BuildMapTest, GroupByPrioReferenceExample) {
  // REFERENCE.md §2: priorities {7,1,3,3,5,2,8,2} give {6},{0},{4},{2,3},{5,7},{1}.
  PathSet paths = WithPrio(NumberedPaths(8), {7, 1, 3, 3, 5, 2, 8, 2});
  MultipathMap m = BuildMap(Candidate(8), paths, {.grouping = GroupingPolicy::kGroupByPrio});
  EXPECT_EQ(Members(m.groups),
            (std::vector<std::vector<size_t>>{{6}, {0}, {4}, {2, 3}, {5, 7}, {1}}));
  EXPECT_EQ(m.groups[3].priority, 3);
}

TEST(BuildMapTest, FailoverGroupsBestFirstWithAttachedHandler) {
  std::vector<Path> paths = NumberedPaths(3);
  for (auto& p : paths) p.hw_handler = "alua";
  MultipathMap m = BuildMap(Candidate(3), WithPrio(paths, {1, 50, 10}));
  EXPECT_EQ(m.name, "3600a");
  EXPECT_EQ(m.hwhandler, "1 alua");
  EXPECT_EQ(Members(m.groups), (std::vector<std::vector<size_t>>{{1}, {2}, {0}}));
  EXPECT_EQ(m.groups[0].priority, 50);
  EXPECT_EQ(m.groups[0].selector, "service-time 0");
}

TEST(BuildMapTest, MarginalPathsAreGroupedApartAndLastWithMarginalPathgroups) {
  std::vector<Path> paths = NumberedPaths(4);
  paths[0].marginal = true;  // the best path, but marginal
  const PathSet ps = WithPrio(paths, {50, 10, 50, 10});
  MapSettings s{.grouping = GroupingPolicy::kGroupByPrio, .marginal_pathgroups = true};
  MultipathMap m = BuildMap(Candidate(4), ps, s);
  EXPECT_EQ(Members(m.groups), (std::vector<std::vector<size_t>>{{2}, {1, 3}, {0}}));
  ASSERT_EQ(m.groups.size(), 3u);
  EXPECT_FALSE(m.groups[0].marginal);
  EXPECT_TRUE(m.groups[2].marginal);
  // Off, or every path marginal: grouped as if none were.
  s.marginal_pathgroups = false;
  EXPECT_EQ(Members(BuildMap(Candidate(4), ps, s).groups),
            (std::vector<std::vector<size_t>>{{0, 2}, {1, 3}}));
  for (Path& p : paths) p.marginal = true;
  s.marginal_pathgroups = true;
  EXPECT_EQ(Members(BuildMap(Candidate(4), WithPrio(paths, {50, 10, 50, 10}), s).groups),
            (std::vector<std::vector<size_t>>{{0, 2}, {1, 3}}));
}

TEST(BuildMapTest, MultibusAveragesUsablePathsOnly) {
  std::vector<Path> paths = NumberedPaths(3);
  paths[0].checker_state = PathState::kUp;
  paths[1].checker_state = PathState::kDown;  // not counted
  paths[2].checker_state = PathState::kGhost;
  MultipathMap m = BuildMap(Candidate(3), WithPrio(paths, {50, 40, 10}),
                            {.grouping = GroupingPolicy::kMultibus, .selector = "round-robin 0"});
  ASSERT_EQ(m.groups.size(), 1u);
  EXPECT_EQ(Indices(m.groups[0].paths), (std::vector<size_t>{0, 1, 2}));
  EXPECT_EQ(m.groups[0].priority, 30);
  EXPECT_EQ(m.groups[0].selector, "round-robin 0");
}

TEST(BuildMapTest, GroupBySerialAndNodeName) {
  std::vector<Path> list = NumberedPaths(4);
  const char* serials[] = {"A", "B", "A", "B"};
  const char* nodes[] = {"n1", "n1", "n2", "n2"};
  for (int i = 0; i < 4; ++i) list[i].serial = serials[i], list[i].target_node_name = nodes[i];
  PathSet paths = WithPrio(list, {1, 1, 1, 1});
  EXPECT_EQ(
      Members(BuildMap(Candidate(4), paths, {.grouping = GroupingPolicy::kGroupBySerial}).groups),
      (std::vector<std::vector<size_t>>{{0, 2}, {1, 3}}));
  EXPECT_EQ(
      Members(BuildMap(Candidate(4), paths, {.grouping = GroupingPolicy::kGroupByNodeName}).groups),
      (std::vector<std::vector<size_t>>{{0, 1}, {2, 3}}));
}

TEST(OrderGroupsTest, TieGoesToMoreUsablePaths) {
  std::vector<Path> list = NumberedPaths(3);
  list[1].checker_state = PathState::kDown;
  std::vector<PathGroup> g(2);
  g[0].paths = Ids({0});
  g[1].paths = Ids({1, 2});
  g[0].priority = g[1].priority = 10;
  OrderGroups(g, PathSet(list));
  EXPECT_EQ(Indices(g[0].paths), (std::vector<size_t>{0}));  // 1 usable each: stable
  list[1].checker_state = PathState::kUp;
  OrderGroups(g, PathSet(list));
  EXPECT_EQ(Indices(g[0].paths), (std::vector<size_t>{1, 2}));
}

TEST(GroupingPolicyTest, NamesRoundTrip) {
  for (auto p :
       {GroupingPolicy::kFailover, GroupingPolicy::kMultibus, GroupingPolicy::kGroupBySerial,
        GroupingPolicy::kGroupByPrio, GroupingPolicy::kGroupByNodeName}) {
    EXPECT_EQ(ParseGroupingPolicy(GroupingPolicyName(p)), p);
  }
  EXPECT_FALSE(ParseGroupingPolicy("round-robin"));
}

}  // namespace
}  // namespace mpx
