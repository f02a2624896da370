// Map names: the multipaths alias, else with user_friendly_names the
// bindings file's alias (a new one allocated when the WWID has none), else the
// WWID. Allocations are collected so the caller writes them once, atomically.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "engine/map_config.h"
#include "state/bindings.h"

namespace mpx {

class Namer {
 public:
  // `names_in_use`: names of existing maps (never handed out anew).
  Namer(BindingsFile bindings, std::set<std::string> names_in_use, bool read_only)
      : bindings_(std::move(bindings)), in_use_(std::move(names_in_use)), read_only_(read_only) {}

  // The name for a map; `why` gets the reference-style origin.
  std::string NameFor(const MapConfig& mc, const std::string& wwid, std::string* why);

  // The bindings file text with every allocation appended; "" when nothing
  // was allocated.
  std::string NewBindingsText() const;
  const std::vector<std::string>& warnings() const { return bindings_.warnings; }

 private:
  BindingsFile bindings_;
  std::set<std::string> in_use_;
  bool read_only_;
  std::vector<Binding> added_;
  // Per alias prefix, the ids the bindings and names in use take, kept as
  // aliases are handed out (a map each: linear in the maps, not quadratic).
  std::map<std::string, std::set<uint64_t>, std::less<>> taken_;
};

}  // namespace mpx
