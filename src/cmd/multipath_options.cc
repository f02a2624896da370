#include "cmd/multipath_options.h"

#include <cerrno>

#include "base/strings.h"

namespace mpx {
namespace {

// The reference's flags that later work adds; refusing them by name is better
// than misreading them.
constexpr std::string_view kLaterFlags = "D";

Error Usage(std::string msg) { return MakeError(std::move(msg), EINVAL); }

Status SetNumber(int& out, char flag, std::string_view v, int max) {
  auto n = ParseU64(v);
  if (!n || *n > static_cast<uint64_t>(max)) {
    return Usage(std::string("-") + flag + " needs a number 0-" + std::to_string(max) + ", not \"" +
                 std::string(v) + "\"");
  }
  out = static_cast<int>(*n);
  return {};
}

Status SetMode(MultipathOptions& o, MultipathMode m) {
  const bool upgrade = o.mode == MultipathMode::kList && m == MultipathMode::kListCheck;
  if (o.mode != MultipathMode::kCreate && o.mode != m && !upgrade)
    return Usage(
        "options -l/-ll, -f, -F, -a, -w, -W, -c, -u, -C, -U, -t and -T exclude each other");
  o.mode = m;
  return {};
}

Status FlagWithValue(MultipathOptions& o, char f, const std::string& value) {
  switch (f) {
    case 'v':
      return SetNumber(o.verbosity, 'v', value, 3);
    case 'R': {
      int n = 0;
      Status st = SetNumber(n, 'R', value, 1000);
      if (st.ok()) o.flush_retries = n;
      return st;
    }
    case 'b':
      o.bindings_file = value;
      return {};
    case 'p':
      if (value != "failover" && value != "multibus" && value != "group_by_serial" &&
          value != "group_by_prio" && value != "group_by_node_name") {
        return Usage("-p needs a path grouping policy, not \"" + value + "\"");
      }
      o.grouping_policy = value;
      return {};
    case 'f':
      o.devices.push_back(value);
      return SetMode(o, MultipathMode::kFlush);
  }
  return Usage(std::string("unknown option -") + f);
}

// Handles one long option; `i` may advance past its value.
Status ParseLong(MultipathOptions& o, const std::vector<std::string>& args, size_t& i) {
  const std::string& a = args[i];
  if (a == "--json") {
    o.json = true;
  } else if (a == "--diff") {
    o.diff = true;
  } else if (a == "--no-udev") {
    o.use_udev = false;
  } else if (a == "--explain") {
    return SetMode(o, MultipathMode::kExplain);
  } else if (a == "--check-config") {
    return SetMode(o, MultipathMode::kCheckConfig);
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

// Handles a cluster of short flags ("-dv3", "-ll", "-v", "3").
Status ParseShort(MultipathOptions& o, const std::vector<std::string>& args, size_t& i) {
  const std::string& a = args[i];
  for (size_t k = 1; k < a.size(); ++k) {
    const char f = a[k];
    if (std::string_view("bpRvf").find(f) != std::string_view::npos) {
      std::string value = a.substr(k + 1);
      if (value.empty()) {
        if (++i >= args.size()) return Usage(std::string("option -") + f + " needs a value");
        value = args[i];
      }
      return FlagWithValue(o, f, value);
    }
    Status s;
    switch (f) {
      case 'd':
        o.dry_run = true;
        break;
      case 'h':
        o.help = true;
        break;
      case 'r':
        o.force_reload = true;
        break;
      case 'i':
        o.ignore_wwids = true;
        break;
      case 'B':
        o.bindings_read_only = true;
        break;
      case 'q':
        o.allow_queueing = true;
        break;
      case 'F':
        s = SetMode(o, MultipathMode::kFlushAll);
        break;
      case 'a':
        s = SetMode(o, MultipathMode::kAddWwid);
        break;
      case 'w':
        s = SetMode(o, MultipathMode::kRemoveWwid);
        break;
      case 'W':
        s = SetMode(o, MultipathMode::kResetWwids);
        break;
      case 'c':
        s = SetMode(o, MultipathMode::kCheckPath);
        break;
      case 'u':
        s = SetMode(o, MultipathMode::kUeventPath);
        break;
      case 'C':
        s = SetMode(o, MultipathMode::kUsablePaths);
        break;
      case 'U':
        s = SetMode(o, MultipathMode::kUeventUsable);
        break;
      case 't':
        s = SetMode(o, MultipathMode::kShowConfig);
        break;
      case 'T':
        s = SetMode(o, MultipathMode::kShowPresent);
        break;
      case 'l':
        s = SetMode(
            o, o.mode == MultipathMode::kList ? MultipathMode::kListCheck : MultipathMode::kList);
        break;
      default:
        if (kLaterFlags.find(f) != std::string_view::npos) {
          return Usage(std::string("option -") + f + " is not implemented yet");
        }
        return Usage(std::string("unknown option -") + f);
    }
    if (!s.ok()) return s;
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
  if (o.diff && !o.dry_run) return Usage("--diff needs -d");
  if (o.mode == MultipathMode::kExplain && o.devices.size() != 1) {
    return Usage("--explain needs one device, WWID or map");
  }
  if (o.mode == MultipathMode::kCheckConfig && o.devices.size() > 1) {
    return Usage("--check-config takes at most one file");
  }
  return o;
}

std::string MultipathUsage() {
  return "usage: multipath [-v level] [-d [--diff]] [-r] [-i] [-B] [-q] [-p policy] [-b file]\n"
         "                 [--json] [device|wwid|map ...]\n"
         "       multipath -l|-ll [map ...]      multipath -f map [-R n]      multipath -F [-R n]\n"
         "       multipath -a|-w dev|wwid|map   multipath -W\n"
         "       multipath -c dev    multipath -u [dev]    multipath -C map    multipath -U\n"
         "       multipath -t|-T    multipath --check-config [file]\n"
         "       multipath --explain dev|wwid|map [--json]\n"
         "  (none)      create or reload maps for the paths found (and named)\n"
         "  -d          dry run: show what would change, change nothing\n"
         "  --diff      with -d: the current and wanted table of each map, word by word\n"
         "  -r          reload maps even when their tables are as wanted\n"
         "  -l, -ll     show the current maps (-ll: with path checkers and priorities)\n"
         "  -f map, -F  remove one unused map / all unused maps (-R n: retries)\n"
         "  -i          ignore the wwids file (find_multipaths)\n"
         "  -B          treat the bindings file as read-only\n"
         "  -a, -w      add / remove a device's (or map's, or the given) WWID in the wwids file\n"
         "  -W          reset the wwids file to the WWIDs of the existing maps\n"
         "  -c dev      is dev a multipath path? (DM_MULTIPATH_DEVICE_PATH; exit 0 yes, 1 no)\n"
         "  -u [dev]    the same for udev rules: the device of the udev event, exit 0\n"
         "  -C map      has the map a usable path? (exit 0 yes, 1 no); -U: udev's device\n"
         "  -t          the configuration in effect, built-in hardware table included\n"
         "  -T          the same, limited to the devices and maps present\n"
         "  --explain x blacklist rules, find_multipaths and every setting with its origin\n"
         "  --check-config [file]  lint multipath.conf (or file): errors, warnings, exit 1 on "
         "errors\n"
         "  -b file     bindings file (default /etc/multipath/bindings)\n"
         "  -q          keep queue_if_no_path although multipathd is not running\n"
         "  -p policy   grouping: failover multibus group_by_serial group_by_prio "
         "group_by_node_name\n"
         "  -v level    0 quiet, 1 map names, 2 topology (default), 3 details and reasons\n"
         "  --json      one JSON document instead of text (schema: docs/json.md)\n"
         "  --no-udev   ignore udev's database; identify paths from VPD pages\n"
         "  --sysfs DIR read a sysfs tree at DIR instead of /sys (recorded trees)\n"
         "  -h          this help\n";
}

}  // namespace mpx
