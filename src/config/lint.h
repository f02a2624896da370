// LintConfig: `multipath --check-config`, a linter for multipath.conf that
// is stricter than the tools (which warn and go on, as the reference):
//  - errors: what the reference ignores with a warning (unknown keywords,
//    invalid values, regexes that do not compile, unterminated quotes, ...);
//  - warnings: deprecated keywords, repeated sections, device entries that a
//    later one with the same vendor/product/revision fully replaces,
//    blacklist and exception rules that match no present device, and a
//    dev_loss_tmo shorter than no_path_retry x polling_interval (the paths
//    would go before the retries end: the tools then use the longer time).
// Pure: the present devices come in as data.
#pragma once

#include <string>
#include <vector>

#include "config/parser.h"
#include "config/resolve.h"

namespace mpx {

// What is on this machine, for the rules that look at present devices.
struct PresentSystem {
  bool known = false;  // false: those rules are skipped
  struct Device {
    std::string devnode;  // kernel name, "sdb"
    std::string wwid;
    DeviceIdentity id;
  };
  std::vector<Device> devices;
};

struct LintFinding {
  std::string where;  // "file:line", or "" when none applies
  bool error = false;
  std::string message;
};

std::vector<LintFinding> LintConfig(const ParsedConfig& parsed, const PresentSystem& present);

// A "file:line: message" text (a parser warning or error) as a finding; an
// error unless it only says something is deprecated or repeated.
LintFinding FindingFromMessage(const std::string& text);

// "where: error: message" lines, then "N error(s), M warning(s)".
std::string FormatFindings(const std::vector<LintFinding>& findings);

}  // namespace mpx
