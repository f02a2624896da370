// The user_friendly_names bindings file (/etc/multipath/bindings):
//
//   # Multipath bindings, Version : 1.0
//   # alias wwid
//   mpatha 3600a098038303053453f463045727a45
//
// Parsing keeps every original line so that a rewrite never drops what it
// could not understand; bad lines are reported with file:line and ignored.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace mpx {

struct Binding {
  std::string alias;
  std::string wwid;
  int line = 0;
};

struct BindingsFile {
  std::string name;                   // for messages
  std::vector<std::string> lines;     // the file as read, without newlines
  std::vector<Binding> bindings;      // the valid ones, in file order
  std::vector<std::string> warnings;  // "bindings:7: ..."
};

BindingsFile ParseBindings(std::string_view text, std::string name);

// Bijective base 26 after the prefix: 1 → "mpatha", 26 → "mpathz", 27 →
// "mpathaa", 703 → "mpathaaa".
std::string AliasForId(uint64_t id, std::string_view prefix);
// The inverse; nullopt when `alias` is not prefix + lowercase letters.
std::optional<uint64_t> IdOfAlias(std::string_view alias, std::string_view prefix);

// The bound alias of `wwid`, if any.
std::optional<std::string> FindAlias(const BindingsFile& f, std::string_view wwid);

// A new alias for a WWID that has none: the lowest id whose alias is neither
// bound in the file nor the name of an existing map (`names_in_use`).
std::string AllocateAlias(const BindingsFile& f, std::string_view prefix,
                          const std::set<std::string>& names_in_use);

// The file's text with `added` appended in order (the header written first
// when the file was empty).
std::string WithBindings(const BindingsFile& f, const std::vector<Binding>& added);

}  // namespace mpx
