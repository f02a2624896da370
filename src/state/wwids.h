// The wwids file (/etc/multipath/wwids): WWIDs that have been multipathed,
// which find_multipaths strict/on consult. One "/WWID/" per line:
//
//   # Multipath wwids, Version : 1.0
//   /3600a098038303053453f463045727a45/
//
// Bad lines are reported with file:line and kept on rewrite.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mpx {

struct WwidsFile {
  std::string name;
  std::vector<std::string> lines;     // as read
  std::vector<std::string> wwids;     // valid entries, file order, no duplicates
  std::vector<std::string> warnings;  // "wwids:3: ..."
};

WwidsFile ParseWwids(std::string_view text, std::string name);
bool Contains(const WwidsFile& f, std::string_view wwid);
// The text with `wwid` added (unchanged text when present; header first when empty).
std::string WithWwid(const WwidsFile& f, std::string_view wwid);
// The text without `wwid`'s line(s).
std::string WithoutWwid(const WwidsFile& f, std::string_view wwid);
// A fresh file holding exactly `wwids` (multipath -W); bad lines are kept as
// comments so nothing is silently dropped.
std::string RewrittenWwids(const WwidsFile& f, const std::vector<std::string>& wwids);

}  // namespace mpx
