// PrintConfig: the config in multipath.conf syntax, as `multipath -t` prints
// it: tabs, one setting per line, text and names quoted, numbers bare, each
// section's keywords in the reference's order for that section
// (keywords.h PrintOrder).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "config/resolve.h"

namespace mpx {

// What `multipath -T` limits the printout to: the devices and maps present.
struct PresentDevices {
  std::vector<DeviceIdentity> paths;  // the paths found (not blacklisted)
  struct Map {
    std::string wwid;
    std::string name;
  };
  std::vector<Map> maps;  // the multipath maps device-mapper has
};

struct PrintOptions {
  // true: what `multipath -t` shows: every defaults keyword with its effective
  // value, the blacklists with the built-in entries and the product_blacklist
  // of every device, the built-in hardware table and the user's device
  // entries with those of the same vendor, product and revision merged into
  // the later one, the protocol sections likewise by type, the multipaths
  // sections sorted by WWID with those of one WWID merged, repeated blacklist
  // entries once. Printing, parsing and printing again gives the same text.
  // false: only what the files set, entry by entry (parsing it gives the
  // same Config).
  bool merged = true;
  // -T (with merged): of the devices section only the entries matching a
  // present path, of the multipaths section only the entries of present maps,
  // and for each present map without one a section with its WWID and, in a
  // comment, its name (multipath(8): "limiting the output to those devices
  // actually present ... can be used as a template").
  std::optional<PresentDevices> present;
};

std::string PrintConfig(const Config& config, const PrintOptions& options = {});

}  // namespace mpx
