#include "policy/grouping.h"

#include <algorithm>
#include <functional>
#include <map>

namespace mpx {
namespace {

constexpr std::pair<GroupingPolicy, std::string_view> kNames[] = {
    {GroupingPolicy::kFailover, "failover"},
    {GroupingPolicy::kMultibus, "multibus"},
    {GroupingPolicy::kGroupBySerial, "group_by_serial"},
    {GroupingPolicy::kGroupByPrio, "group_by_prio"},
    {GroupingPolicy::kGroupByNodeName, "group_by_node_name"},
};

PathGroup MakeGroup(std::vector<PathId> members) {
  PathGroup g;
  g.paths = std::move(members);
  return g;
}

bool Usable(const Path& p) {
  return p.checker_state == PathState::kUp || p.checker_state == PathState::kGhost ||
         p.checker_state == PathState::kUndef;
}

// Groups members by a key, in order of each key's first appearance.
template <typename Key>
std::vector<PathGroup> GroupByKey(const std::vector<PathId>& members,
                                  const std::function<Key(PathId)>& key_of) {
  std::vector<PathGroup> groups;
  std::map<Key, size_t> index;
  for (PathId i : members) {
    auto [it, inserted] = index.try_emplace(key_of(i), groups.size());
    if (inserted) groups.emplace_back();
    groups[it->second].paths.push_back(i);
  }
  return groups;
}

}  // namespace

std::optional<GroupingPolicy> ParseGroupingPolicy(std::string_view word) {
  for (const auto& [p, name] : kNames) {
    if (name == word) return p;
  }
  return std::nullopt;
}

std::string_view GroupingPolicyName(GroupingPolicy p) {
  for (const auto& [q, name] : kNames) {
    if (q == p) return name;
  }
  return "failover";
}

std::vector<PathGroup> GroupPaths(GroupingPolicy policy, const std::vector<PathId>& members,
                                  const PathSet& paths) {
  switch (policy) {
    case GroupingPolicy::kMultibus:
      return members.empty() ? std::vector<PathGroup>{}
                             : std::vector<PathGroup>{MakeGroup(members)};
    case GroupingPolicy::kGroupBySerial:
      return GroupByKey<std::string>(members, [&](PathId i) { return paths.at(i).serial; });
    case GroupingPolicy::kGroupByPrio:
      return GroupByKey<int>(members, [&](PathId i) { return paths.at(i).priority; });
    case GroupingPolicy::kGroupByNodeName:
      return GroupByKey<std::string>(members,
                                     [&](PathId i) { return paths.at(i).target_node_name; });
    case GroupingPolicy::kFailover:
      break;
  }
  std::vector<PathGroup> groups;
  groups.reserve(members.size());
  for (PathId i : members) groups.push_back(MakeGroup({i}));
  return groups;
}

int GroupPriority(const PathGroup& g, const PathSet& paths) {
  long sum = 0;
  long n = 0;
  for (PathId i : g.paths) {
    const Path* p = paths.Find(i);
    if (p == nullptr || !Usable(*p)) continue;
    sum += std::max(p->priority, 0);
    ++n;
  }
  return n == 0 ? 0 : static_cast<int>(sum / n);
}

size_t UsablePaths(const PathGroup& g, const PathSet& paths) {
  size_t n = 0;
  for (PathId i : g.paths) {
    const Path* p = paths.Find(i);
    n += p != nullptr && Usable(*p) ? 1 : 0;
  }
  return n;
}

}  // namespace mpx
