// Blacklist: which devices multipath leaves alone. This issue has the
// built-in devnode rules; multipath.conf adds wwid, device, property and
// protocol entries and exceptions later. Exceptions win over entries.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "base/posix_regex.h"

namespace mpx {

struct BlacklistEntry {
  Regex regex;
  std::string origin;  // "built-in", or "file:line" of the config entry
};

class Blacklist {
 public:
  // The reference's compiled-in rules: only sd, dasd and nvme nodes.
  static Blacklist BuiltIn();
  Status AddDevnode(const std::string& pattern, std::string origin);
  Status AddDevnodeException(const std::string& pattern, std::string origin);
  Status AddWwid(const std::string& pattern, std::string origin);
  Status AddWwidException(const std::string& pattern, std::string origin);

  // The reason a device node name is blacklisted, or nullopt when it is not.
  std::optional<std::string> CheckDevnode(const std::string& dev) const;
  std::optional<std::string> CheckWwid(const std::string& wwid) const;

 private:
  static std::optional<std::string> Check(const std::vector<BlacklistEntry>& entries,
                                          const std::vector<BlacklistEntry>& exceptions,
                                          const std::string& what, const std::string& value);
  std::vector<BlacklistEntry> devnode_, devnode_except_, wwid_, wwid_except_;
};

}  // namespace mpx
