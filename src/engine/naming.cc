#include "engine/naming.h"

namespace mpx {

std::string Namer::NameFor(const MapConfig& mc, const std::string& wwid, std::string* why) {
  if (!mc.alias.empty()) {
    *why = "(setting: multipath.conf multipaths section)";
    return mc.alias;
  }
  if (!mc.user_friendly_names) {
    *why = "(setting: default to WWID)";
    return wwid;
  }
  if (auto bound = FindAlias(bindings_, wwid)) {
    *why = "(setting: bindings file " + bindings_.name + ")";
    return *bound;
  }
  if (read_only_) {
    *why = "(setting: default to WWID; bindings file is read-only)";
    return wwid;
  }
  auto taken = taken_.find(mc.alias_prefix);
  if (taken == taken_.end()) {
    std::set<uint64_t> ids;
    for (const auto& b : bindings_.bindings) {
      if (auto id = IdOfAlias(b.alias, mc.alias_prefix)) ids.insert(*id);
    }
    for (const auto& n : in_use_) {
      if (auto id = IdOfAlias(n, mc.alias_prefix)) ids.insert(*id);
    }
    taken = taken_.emplace(mc.alias_prefix, std::move(ids)).first;
  }
  uint64_t id = 1;  // the lowest free id, as AllocateAlias
  for (uint64_t t : taken->second) {
    if (t != id) break;
    ++id;
  }
  std::string alias = AliasForId(id, mc.alias_prefix);
  // Another prefix's ids may change too (an alias can parse under several).
  for (auto& [prefix, ids] : taken_) {
    if (auto other = IdOfAlias(alias, prefix)) ids.insert(*other);
  }
  bindings_.bindings.push_back({alias, wwid, 0});
  added_.push_back({alias, wwid, 0});
  in_use_.insert(alias);
  *why = "(setting: new binding in " + bindings_.name + ")";
  return alias;
}

std::string Namer::NewBindingsText() const {
  if (added_.empty()) return "";
  BindingsFile original = bindings_;
  original.bindings.resize(original.bindings.size() - added_.size());
  return WithBindings(original, added_);
}

}  // namespace mpx
