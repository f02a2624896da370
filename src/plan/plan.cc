#include "plan/plan.h"

#include "plan/table_compare.h"

namespace mpx {
namespace {

const CurrentMap* ByUuid(const std::vector<CurrentMap>& current, const std::string& uuid) {
  for (const auto& c : current) {
    if (c.info.uuid == uuid) return &c;
  }
  return nullptr;
}

const CurrentMap* ByName(const std::vector<CurrentMap>& current, const std::string& name) {
  for (const auto& c : current) {
    if (c.info.name == name) return &c;
  }
  return nullptr;
}

}  // namespace

std::string_view ActionWord(ActionKind kind) {
  switch (kind) {
    case ActionKind::kCreate:
      return "create";
    case ActionKind::kReload:
      return "reload";
    case ActionKind::kRename:
    case ActionKind::kRenameReload:
      return "rename";
    case ActionKind::kNothing:
    case ActionKind::kConflict:
      break;
  }
  return "";
}

std::vector<MapAction> PlanActions(const std::vector<WantedMap>& wanted,
                                   const std::vector<CurrentMap>& current, ReloadRule rule) {
  std::vector<MapAction> actions;
  for (size_t i = 0; i < wanted.size(); ++i) {
    const MultipathMap& w = wanted[i].map;
    MapAction a;
    a.wanted = i;
    const CurrentMap* same = ByUuid(current, "mpath-" + w.wwid);
    const CurrentMap* named = ByName(current, w.name);
    if (named != nullptr && named != same) {
      a.kind = ActionKind::kConflict;
      a.reason = "name " + w.name + " is used by map with uuid " + named->info.uuid;
      if (same != nullptr) a.current_name = same->info.name;
      actions.push_back(std::move(a));
      continue;
    }
    if (same == nullptr) {
      a.kind = ActionKind::kCreate;
      a.reason = "no map with uuid mpath-" + w.wwid;
      actions.push_back(std::move(a));
      continue;
    }
    a.current_name = same->info.name;
    a.current_table = same->table;
    const bool rename = same->info.name != w.name;
    bool reload = rule == ReloadRule::kAlways;
    a.forced = reload;
    if (reload) {
      a.reason = "reload forced";
    } else if (rename) {
      // Only renamed: the reference leaves the table to a forced reload.
    } else if (!same->table) {
      reload = true;
      a.reason = "the kernel's table did not parse";
    } else if (!SameTable(wanted[i].table, *same->table)) {
      reload = true;
      a.reason = "table differs";
    }
    if (rename)
      a.reason = "name " + same->info.name + " -> " + w.name + (reload ? "; " + a.reason : "");
    a.kind = rename ? (reload ? ActionKind::kRenameReload : ActionKind::kRename)
                    : (reload ? ActionKind::kReload : ActionKind::kNothing);
    actions.push_back(std::move(a));
  }
  return actions;
}

}  // namespace mpx
