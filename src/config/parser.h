// ParseConfig: multipath.conf text → Config, with the reference's syntax
// (multipath.conf(5), multipath-tools 0.9.4): line oriented, one statement per
// line: `section {`, `keyword value`, or `}`.
//
// Errors vs warnings. A configuration mistake must not stop a boot where the
// reference goes on, so mpx follows the 0.9.4 binary case by case (measured
// with tests/reference/probe_config.sh; docs/config-errors.md has the table):
// it refuses to run only where the reference does, and warns, with file:line,
// wherever the reference warns. Warnings read "file:line: message".
//   error   bad regular expression in blacklist or blacklist_exceptions
//           (devnode, wwid, property, protocol, device vendor/product), or a
//           bad reservation_key, in multipath.conf; any bad product_blacklist,
//           or a bad vendor in a device with a product_blacklist (the vendor
//           goes into the blacklist)
//   warning the same bad blacklist regex or reservation_key in a conf.d file:
//           that line is dropped
//   warning bad regex in a devices entry (vendor, product, revision): the entry
//           is kept but never matches (the reference: the same, silently)
//   warning invalid value (not a number, not one of the names, bad
//           features/path_selector/hardware_handler argument count): ignored,
//           the earlier value or the default stays (where the reference keeps
//           a garbage value, e.g. polling_interval 4294967294, mpx keeps the
//           earlier value or the default)
//   warning number out of range: capped at the limit ("value for failback too
//           large, capping at 2147483647"); failback, rr_min_io_rq and
//           find_multipaths_timeout 0 (also after capping) mean "not set here"
//   warning missing value: the line is ignored
//   warning unterminated quote: the string runs to the end of the line
//   warning section keyword without "{", or another word in its place: the
//           section opens all the same
//   warning "}" with no open section: ignored
//   warning section not closed at the end of the file: what it holds counts
//           (one warning per file)
//   warning "{" where no section opens: the line is ignored (so one-line
//           sections like `defaults { user_friendly_names yes }` open the
//           section, ignore the rest of the line, and run to the end of file)
//   warning unknown keyword, or a known one in the wrong section (including an
//           unknown section name: the lines after it are read as part of the
//           current section, whose "}" they close, as in the reference)
//   warning extra words after a value or a brace: ignored
//   warning the same keyword twice in one section, or the same top-level
//           section twice in one file: the later wins / both count
//   warning device without vendor or product, multipath without wwid, blacklist
//           device with neither, protocol without type: the entry is dropped
//   warning two device sections in one file with the same vendor, product and
//           revision: both count, the later's settings win
//   warning a deprecated keyword (multipath_dir, config_dir, getuid_callout,
//           pg_timeout: the line is ignored; bindings_file, wwids_file,
//           prkeys_file: the value is used), once a run per keyword
// ParseOptions::strict turns every warning into an error (for a configuration
// check).
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
  bool drop_in = false;  // a conf.d file: a bad blacklist regex there drops only its entry
};

struct ParsedConfig {
  Config config;
  std::vector<std::string> warnings;  // "file:line: message", in the order found
};

struct ParseOptions {
  // Any warning is an error: the error's message then holds every warning
  // (and the error, if any), one per line, in file order.
  bool strict = false;
};

// Parses the sources in order into one Config: a later file's defaults and
// overrides settings replace earlier ones, its devices, multipaths and
// blacklist entries are added after them. The built-in hardware table is left
// empty (LoadConfig fills it). Stops at the first error.
Result<ParsedConfig> ParseConfig(std::span<const ConfigSource> sources,
                                 const ParseOptions& options = {});
Result<ParsedConfig> ParseConfig(std::string_view text, std::string_view file_name,
                                 const ParseOptions& options = {});

}  // namespace mpx
