// ParseConfig: multipath.conf text → Config, with the reference's syntax
// (multipath.conf(5), libmultipath/parser.c 0.9.4): line oriented, one
// statement per line: `section {`, `keyword value`, or `}`.
//
// Errors vs warnings. The reference logs almost everything and goes on; mpx
// refuses a file whose meaning is unclear, so a reload never applies half a
// config. Each case, and what the 0.9.4 binary does with it:
//   error   unterminated quote            (reference: warns, takes the rest of the line)
//   error   missing value                 (reference: warns, ignores the line)
//   error   invalid value, out of range,  (reference: warns and keeps the old value, or
//           bad argument count              caps a number at its limit)
//   error   bad regular expression        (reference: fatal in blacklists, silently never
//                                          matches in devices)
//   error   section keyword without "{"   (reference: warns, opens the section anyway)
//   error   "}" with no open section       (reference: warns "unmatched '}'")
//   error   section not closed at the end  (reference: warns "missing '}' at end of ...")
//   error   "{" where no section opens     (reference: warns "invalid keyword '{'")
//   warning "{" alone on the line after the section name (reference: two warnings,
//           same result: the section is read)
//   warning unknown keyword, or a known one in the wrong section (reference: same,
//           "invalid keyword in the defaults section: X")
//   warning unknown section `name {`: skipped with its contents (the reference reads
//           its contents as top-level keywords and then finds an unmatched "}")
//   warning extra words after a value or a brace (reference: same, ignored)
//   warning the same keyword twice in one section; the later wins (reference: same)
//   warning device without vendor or product, multipath without wwid, blacklist
//           device with neither: the entry is dropped (reference: same)
// Messages read "file:line: message".
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "config/config.h"

namespace mpx {

struct ConfigSource {
  std::string name;  // as messages should show it, e.g. "/etc/multipath.conf"
  std::string text;
};

struct ParsedConfig {
  Config config;
  std::vector<std::string> warnings;  // "file:line: message", in file order
};

// Parses the sources in order into one Config: a later file's defaults and
// overrides settings replace earlier ones, its devices, multipaths and
// blacklist entries are added after them. The built-in hardware table is left
// empty (LoadConfig fills it). Stops at the first error.
Result<ParsedConfig> ParseConfig(std::span<const ConfigSource> sources);
Result<ParsedConfig> ParseConfig(std::string_view text, std::string_view file_name);

}  // namespace mpx
