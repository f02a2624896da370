#include "cmd/multipath_options.h"

#include <cerrno>

#include "base/strings.h"

namespace mpx {
namespace {

// The reference's flags that later work adds; refusing them by name is better
// than misreading them.
constexpr std::string_view kLaterFlags = "acCfFilrRtTuUwWBbpqD";
// Flags of the reference that take a value.
constexpr std::string_view kFlagsWithValue = "bpRv";

Error Usage(std::string msg) { return MakeError(std::move(msg), EINVAL); }

Status SetVerbosity(MultipathOptions& o, std::string_view v) {
  auto n = ParseU64(v);
  if (!n || *n > 3) return Usage("-v needs a verbosity 0-3, not \"" + std::string(v) + "\"");
  o.verbosity = static_cast<int>(*n);
  return {};
}

// Handles one long option; `i` may advance past its value.
Status ParseLong(MultipathOptions& o, const std::vector<std::string>& args, size_t& i) {
  const std::string& a = args[i];
  if (a == "--json") {
    o.json = true;
  } else if (a == "--no-udev") {
    o.use_udev = false;
  } else if (a == "--help") {
    o.help = true;
  } else if (a == "--version") {
    o.version = true;
  } else if (a == "--sysfs" || StartsWith(a, "--sysfs=")) {
    if (a == "--sysfs") {
      if (++i >= args.size()) return Usage("--sysfs needs a directory");
      o.sysfs_root = args[i];
    } else {
      o.sysfs_root = a.substr(8);
    }
  } else {
    return Usage("unknown option " + a);
  }
  return {};
}

// Handles a cluster of short flags ("-dv3", "-d", "-v", "3").
Status ParseShort(MultipathOptions& o, const std::vector<std::string>& args, size_t& i) {
  const std::string& a = args[i];
  for (size_t k = 1; k < a.size(); ++k) {
    const char f = a[k];
    if (kFlagsWithValue.find(f) != std::string_view::npos) {
      std::string value = a.substr(k + 1);
      if (value.empty()) {
        if (++i >= args.size()) return Usage(std::string("option -") + f + " needs a value");
        value = args[i];
      }
      if (f != 'v') return Usage(std::string("option -") + f + " is not implemented yet");
      return SetVerbosity(o, value);
    }
    switch (f) {
      case 'd': o.dry_run = true; break;
      case 'h': o.help = true; break;
      default:
        if (kLaterFlags.find(f) != std::string_view::npos) {
          return Usage(std::string("option -") + f + " is not implemented yet");
        }
        return Usage(std::string("unknown option -") + f);
    }
  }
  return {};
}

}  // namespace

Result<MultipathOptions> ParseMultipathOptions(const std::vector<std::string>& args) {
  MultipathOptions o;
  bool only_positional = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    Status s;
    if (only_positional || a.size() < 2 || a[0] != '-') {
      o.devices.push_back(a);
    } else if (a == "--") {
      only_positional = true;
    } else if (a[1] == '-') {
      s = ParseLong(o, args, i);
    } else {
      s = ParseShort(o, args, i);
    }
    if (!s.ok()) return s.error();
  }
  return o;
}

std::string MultipathUsage() {
  return "usage: multipath [-d] [-v level] [--json] [--no-udev] [--sysfs DIR] [device|wwid ...]\n"
         "  -d          dry run: show the maps that would be created, change nothing\n"
         "  -v level    0 quiet, 1 map names, 2 topology (default), 3 per-path details\n"
         "  --json      one JSON document instead of text (schema: docs/json.md)\n"
         "  --no-udev   ignore udev's database; identify paths from VPD pages\n"
         "  --sysfs DIR read a sysfs tree at DIR instead of /sys (recorded trees)\n"
         "  -h          this help\n";
}

}  // namespace mpx
