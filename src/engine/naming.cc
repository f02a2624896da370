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
  std::string alias = AllocateAlias(bindings_, mc.alias_prefix, in_use_);
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
