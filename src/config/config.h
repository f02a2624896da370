// Config: multipath.conf as parsed (main file, then drop-ins), before any
// device is looked at. Plain values; ParseConfig (parser.h) builds them,
// Selection (resolve.h) answers "which value applies to this map", PrintConfig
// (printer.h) writes them back.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/posix_regex.h"
#include "config/keywords.h"

namespace mpx {

// One value and where it was set: "file:line", or "built-in".
struct Setting {
  Value value;
  std::string where;
};

// The settings of one section: at most one per Opt.
class OptionSet {
 public:
  const Setting* Get(Opt opt) const {
    const auto& s = values_[static_cast<size_t>(opt)];
    return s ? &*s : nullptr;
  }
  void Set(Opt opt, Setting s) { values_[static_cast<size_t>(opt)] = std::move(s); }
  void Clear(Opt opt) { values_[static_cast<size_t>(opt)].reset(); }
  // The text of a string setting, or "" when unset.
  std::string Text(Opt opt) const;
  bool empty() const;

 private:
  std::array<std::optional<Setting>, kOptCount> values_;
};

// A devices { device { } } entry (user or built-in). vendor and product are
// always set; the regexes are compiled once, when the entry is made.
struct DeviceEntry {
  OptionSet options;
  std::string where;  // "file:line" of `device {`, or "built-in"
  std::shared_ptr<const Regex> vendor, product, revision;  // revision may be null
  // A field's regex does not compile: the reference keeps such an entry (and
  // prints it) but it matches no device.
  bool never_matches = false;

  // Unanchored POSIX ERE match of all given fields, like the reference's hwe_regmatch.
  bool Matches(const std::string& vendor, const std::string& product,
               const std::string& revision) const;
};

// Builds a DeviceEntry; error "<where>: device section missing vendor or
// product; ignored" when one is missing. A bad regex makes it never_matches.
Result<DeviceEntry> MakeDeviceEntry(OptionSet options, std::string where);

// A multipaths { multipath { } } entry; wwid is always set.
struct MultipathEntry {
  OptionSet options;
  std::string where;
};

// blacklist or blacklist_exceptions: devnode/wwid/property/protocol entries in
// file order, and device { vendor product } entries (either field may be unset,
// which matches anything, as in the reference's _blacklist_device).
struct BlacklistItem {
  Opt kind;  // kBlDevnode, kBlWwid, kBlProperty or kBlProtocol
  std::string pattern;
  std::string where;
};
struct BlacklistDevice {
  OptionSet options;  // kVendor and/or kProduct
  std::string where;
};
struct BlacklistSection {
  std::vector<BlacklistItem> items;
  std::vector<BlacklistDevice> devices;
  bool empty() const { return items.empty() && devices.empty(); }
};

// An overrides { protocol { } } entry: type is always set.
struct ProtocolEntry {
  OptionSet options;
  std::string where;
};

struct Config {
  OptionSet defaults;
  OptionSet overrides;
  std::vector<ProtocolEntry> protocols;  // overrides' protocol sections, file order (later wins)
  // The built-in hardware table (hwtable.h): lowest-precedence device
  // entries, consulted after the user's.
  std::vector<DeviceEntry> builtin_devices;
  std::vector<DeviceEntry> devices;  // user entries, file order (later wins)
  std::vector<MultipathEntry> multipaths;
  BlacklistSection blacklist;
  BlacklistSection blacklist_exceptions;
};

}  // namespace mpx
