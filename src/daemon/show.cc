#include "daemon/show.h"

#include <unistd.h>

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>

#include "daemon/show_config.h"
#include "daemon/show_json.h"
#include "output/topology_text.h"
#include "output/wildcard_table.h"

namespace mpx {
namespace {

constexpr Wildcard kPathWildcards[] = {
    {'w', "uuid"},        {'i', "hcil"},          {'d', "dev"},         {'D', "dev_t"},
    {'t', "dm_st"},       {'o', "dev_st"},        {'T', "chk_st"},      {'s', "vend/prod/rev"},
    {'c', "checker"},     {'C', "next_check"},    {'p', "pri"},         {'S', "size"},
    {'z', "serial"},      {'M', "marginal_st"},   {'m', "multipath"},   {'N', "host WWNN"},
    {'n', "target WWNN"}, {'R', "host WWPN"},     {'r', "target WWPN"}, {'a', "host adapter"},
    {'G', "foreign"},     {'g', "vpd page data"}, {'0', "failures"},    {'P', "protocol"},
    {'I', "init_st"},     {'L', "LUN hex"},
};

constexpr Wildcard kMapWildcards[] = {
    {'n', "name"},         {'w', "uuid"},        {'d', "sysfs"},         {'F', "failback"},
    {'Q', "queueing"},     {'N', "paths"},       {'r', "write_prot"},    {'t', "dm-st"},
    {'S', "size"},         {'f', "features"},    {'x', "failures"},      {'h', "hwhandler"},
    {'A', "action"},       {'0', "path_faults"}, {'1', "switch_grp"},    {'2', "map_loads"},
    {'3', "total_q_time"}, {'4', "q_timeouts"},  {'s', "vend/prod/rev"}, {'v', "vend"},
    {'p', "prod"},         {'e', "rev"},         {'G', "foreign"},       {'g', "vpd page data"},
};

constexpr Wildcard kGroupWildcards[] = {
    {'s', "selector"}, {'p', "pri"}, {'t', "dm_st"}, {'M', "marginal_st"}};

const MapEntry* MapOf(const Snapshot& s, const std::string& wwid) { return s.FindMap(wwid); }

// "XXXXXX.... 13/20": seconds to the next check of the interval, as a bar.
std::string NextCheck(const Snapshot& s, const PathEntry& e) {
  if (e.check.pending) return "pending";
  int interval = std::max(e.check.interval, 1);
  double left = Seconds(e.check.next - s.taken);
  int secs = std::clamp(static_cast<int>(std::ceil(left)), 0, interval);
  int bar = secs * 10 / interval;
  return std::string(static_cast<size_t>(bar), 'X') +
         std::string(static_cast<size_t>(10 - bar), '.') + " " + std::to_string(secs) + "/" +
         std::to_string(interval);
}

std::string PathValue(const Snapshot& s, const PathEntry& e, char c) {
  const Path& p = e.path;
  const MapEntry* m = e.map.empty() ? nullptr : MapOf(s, e.map);
  switch (c) {
    case 'w':
      return p.wwid;
    case 'i':
      return p.hctl.host < 0 ? "#:#:#:#" : p.hctl.ToString();
    case 'd':
      return p.dev;
    case 'D':
      return p.DevT();
    case 't':
      return m == nullptr ? "undef" : e.dm_failed ? "failed" : "active";
    case 'o':
      return p.sysfs_state;
    case 'T':
      return e.health.held || e.health.sampling ? "delayed"
                                                : std::string(CheckerStateName(e.check.state));
    case 's':
      return p.vendor + "," + p.model;
    case 'c':
      return !p.checker.empty() ? p.checker : m ? m->config.checker : "tur";
    case 'C':
      return NextCheck(s, e);
    case 'p':
      return std::to_string(std::max(p.priority, 0));
    case 'S':
      return FormatSize(p.size_sectors);
    case 'z':
      return p.serial.empty() ? "[undef]" : p.serial;
    case 'M':
      return p.marginal ? "marginal" : "normal";
    case 'm':
      return m ? m->map.name : "[orphan]";
    case '0':
      return std::to_string(e.check.failures);
    case 'P':
      return ProtocolName(p);
    case 'I':
      return "ok";
    case 'L':
      return LunHex(p.hctl.lun);
    case 'G':
      return "--";
    default:
      return "[undef]";
  }
}

size_t PathCount(const MapEntry& m) {
  size_t n = 0;
  for (const auto& g : m.map.groups) n += g.paths.size();
  return n;
}

std::string MapValue(const Snapshot& /*s*/, const MapEntry& m, char c) {
  switch (c) {
    case 'n':
      return m.map.name;
    case 'w':
      return m.map.wwid;
    case 'd':
      return "dm-" + std::to_string(m.info.minor);
    case 'F':
      return FailbackText(m);
    case 'Q':
      return QueueingText(m);
    case 'N':
      return std::to_string(PathCount(m));
    case 'r':
      return m.info.read_only ? "ro" : "rw";
    case 't':
      return m.info.suspended ? "suspend" : "active";
    case 'S':
      return FormatSize(m.map.size_sectors);
    case 'f':
      return m.map.features;
    case 'x':
      return std::to_string(m.queue_timeouts);
    case 'h':
      return m.map.hwhandler;
    case 'A':
      return m.action;
    case '0':
      return std::to_string(m.path_faults);
    case '1':
      return std::to_string(m.switch_group);
    case '2':
      return std::to_string(m.map_loads);
    case '3':
      return std::to_string(m.total_queue_seconds);
    case '4':
      return std::to_string(m.queue_timeouts);
    case 's':
      return m.map.vendor + "," + m.map.model;
    case 'v':
      return m.map.vendor;
    case 'p':
      return m.map.model;
    case 'e':
      return m.map.rev.empty() ? "[undef]" : m.map.rev;
    case 'G':
      return "--";
    default:
      return "[undef]";
  }
}

std::string PathsTable(const Snapshot& s, std::string_view format, const TableStyle& style) {
  std::vector<RowValues> rows;
  rows.reserve(s.paths.size());
  for (const auto& [id, e] : s.paths) {
    const PathEntry* pe = e.get();
    rows.push_back([&s, pe](char c) { return PathValue(s, *pe, c); });
  }
  return RenderWildcardTable(format, kPathWildcards, rows, style);
}

std::string MapsTable(const Snapshot& s, const std::vector<const MapEntry*>& maps,
                      std::string_view format, const TableStyle& style) {
  std::vector<RowValues> rows;
  rows.reserve(maps.size());
  for (const MapEntry* m : maps) rows.push_back([&s, m](char c) { return MapValue(s, *m, c); });
  return RenderWildcardTable(format, kMapWildcards, rows, style);
}

std::vector<const MapEntry*> AllMaps(const Snapshot& s) {
  std::vector<const MapEntry*> out;
  for (const auto& [w, m] : s.maps) out.push_back(m.get());
  return out;
}

const MapEntry* FindMap(const Snapshot& s, const std::string& arg) {
  for (const auto& [w, m] : s.maps) {
    if (arg == m->map.name || arg == w || arg == "dm-" + std::to_string(m->info.minor) ||
        arg == m->info.DevT()) {
      return m.get();
    }
  }
  return nullptr;
}

// The topology as `multipath -ll` prints it; the reference's daemon prefixes
// each map with "create: " (kept for scripts that parse it).
std::string Topology(const Snapshot& s, const MapEntry& m) {
  PathSet paths;
  for (const auto& g : m.map.groups) {
    for (PathId id : g.paths) {
      for (const auto& [pid, e] : s.paths) {
        if (pid == id) {
          Path p = e->path;
          p.checker_state = e->check.state;
          paths.Put(std::move(p));
        }
      }
    }
  }
  MultipathMap map = m.map;
  for (auto& g : map.groups) {
    g.path_dm_states.clear();
    for (PathId id : g.paths) {
      bool failed = false;
      for (const auto& [pid, e] : s.paths) {
        if (pid == id) failed = e->dm_failed;
      }
      g.path_dm_states.push_back(failed ? "failed" : "active");
    }
  }
  TopologyStyle style;
  style.action = m.action.empty() ? std::optional<std::string>() : m.action;
  style.dm_node = "dm-" + std::to_string(m.info.minor);
  style.wp = m.info.read_only ? "ro" : "rw";
  return FormatTopology(map, paths, style);
}

std::string StatusText(const Snapshot& s) {
  std::vector<std::pair<std::string, int>> counts;
  for (const auto& [id, e] : s.paths) {
    std::string name;
    switch (e->check.state) {
      case PathState::kUp:
        name = "up";
        break;
      case PathState::kDown:
        name = "down";
        break;
      case PathState::kGhost:
        name = "ghost";
        break;
      case PathState::kShaky:
        name = "shaky";
        break;
      case PathState::kPending:
        name = "pending";
        break;
      case PathState::kUndef:
        name = "undef";
        break;
    }
    auto it = std::find_if(counts.begin(), counts.end(), [&](auto& c) { return c.first == name; });
    if (it == counts.end()) {
      counts.emplace_back(name, 1);
    } else {
      ++it->second;
    }
  }
  std::string out = "path checker states:\n";
  for (const auto& [name, n] : counts) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%-20s%d\n", name.c_str(), n);
    out += buf;
  }
  out += "\npaths: " + std::to_string(s.paths.size()) +
         "\nbusy: " + (s.reconfiguring ? "True" : "False") + "\n";
  return out;
}

// The JSON variant of a show command.
std::string RenderJson(const Snapshot& s, const CliCommand& c) {
  switch (c.cmd) {
    case CliCmd::kShowPaths:
    case CliCmd::kShowPathsFormat:
    case CliCmd::kShowPathsRawFormat:
      return PathsJson(s);
    case CliCmd::kShowPath: {
      for (const auto& [id, e] : s.paths) {
        if (e->path.dev == c.path || e->path.DevT() == c.path) return PathJson(s, *e);
      }
      return "fail\n";
    }
    case CliCmd::kShowStatus:
      return StatusJson(s);
    case CliCmd::kShowDaemon:
      return DaemonJson(s, ::getpid());
    case CliCmd::kShowMapJson:
    case CliCmd::kShowMapTopology:
    case CliCmd::kShowMapFormat:
    case CliCmd::kShowMapRawFormat: {
      const MapEntry* m = FindMap(s, c.map);
      return m ? ReferenceMapJson(s, *m) : "fail\n";
    }
    default:
      return ReferenceMapsJson(s);
  }
}

}  // namespace

std::string RenderShow(const Snapshot& s, const CliCommand& c, const Sysfs& sysfs) {
  if (c.json && c.cmd != CliCmd::kShowConfig && c.cmd != CliCmd::kShowConfigLocal &&
      c.cmd != CliCmd::kShowBlacklist && c.cmd != CliCmd::kShowDevices &&
      c.cmd != CliCmd::kShowWildcards && c.cmd != CliCmd::kShowMetrics) {
    return RenderJson(s, c);
  }
  const TableStyle padded;
  const TableStyle raw{.header = false, .pad = false};
  switch (c.cmd) {
    case CliCmd::kShowPaths:
      return PathsTable(s, "%i %d %D %p %t %T %o %C", padded);
    case CliCmd::kShowPathsFormat:
      return PathsTable(s, c.format, padded);
    case CliCmd::kShowPathsRawFormat:
      return PathsTable(s, c.format, raw);
    case CliCmd::kShowMaps:
      return MapsTable(s, AllMaps(s), "%n %d %w", padded);
    case CliCmd::kShowMapsStatus:
      return MapsTable(s, AllMaps(s), "%n %F %Q %N %t %r", padded);
    case CliCmd::kShowMapsStats:
      return MapsTable(s, AllMaps(s), "%n %0 %1 %2 %3 %4", padded);
    case CliCmd::kShowMapsFormat:
      return MapsTable(s, AllMaps(s), c.format, padded);
    case CliCmd::kShowMapsRawFormat:
      return MapsTable(s, AllMaps(s), c.format, raw);
    case CliCmd::kShowMapFormat:
    case CliCmd::kShowMapRawFormat: {
      const MapEntry* m = FindMap(s, c.map);
      if (m == nullptr) return "fail\n";
      return MapsTable(s, {m}, c.format,
                       c.cmd == CliCmd::kShowMapFormat ? TableStyle{.header = false} : raw);
    }
    case CliCmd::kShowMapsTopology:
    case CliCmd::kShowTopology: {
      std::string out;
      for (const MapEntry* m : AllMaps(s)) out += Topology(s, *m);
      return out;
    }
    case CliCmd::kShowMapTopology: {
      const MapEntry* m = FindMap(s, c.map);
      return m ? Topology(s, *m) : "fail\n";
    }
    case CliCmd::kShowStatus:
      return StatusText(s);
    case CliCmd::kShowDaemon:
      return "pid " + std::to_string(::getpid()) + (s.reconfiguring ? " configure\n" : " idle\n");
    case CliCmd::kShowPath: {
      std::vector<RowValues> rows;
      for (const auto& [id, e] : s.paths) {
        if (e->path.dev == c.path || e->path.DevT() == c.path) {
          const PathEntry* pe = e.get();
          rows.push_back([&s, pe](char ch) { return PathValue(s, *pe, ch); });
        }
      }
      if (rows.empty()) return "fail\n";
      return RenderWildcardTable("%i %d %D %p %t %T %o %C", kPathWildcards, rows, padded);
    }
    case CliCmd::kShowMetrics:
      return Metrics(s);
    case CliCmd::kShowWildcards:
      return "multipath format wildcards:\n" + ListWildcards(kMapWildcards) +
             "\npath format wildcards:\n" + ListWildcards(kPathWildcards) +
             "\npathgroup format wildcards:\n" + ListWildcards(kGroupWildcards);
    case CliCmd::kShowConfig:
    case CliCmd::kShowConfigLocal:
      return ShowConfigText(s, c.cmd == CliCmd::kShowConfigLocal);
    case CliCmd::kShowBlacklist:
      return s.setup ? ShowBlacklistText(s.setup->blacklist) : "fail\n";
    case CliCmd::kShowDevices:
      return s.setup ? ShowDevicesText(s, s.setup->blacklist, sysfs) : "fail\n";
    case CliCmd::kGetPrStatus: {  // "0" or "1", no newline: the reference's reply
      const MapEntry* m = FindPrMapIn(s.maps, c.map);
      if (m == nullptr) return "fail\n";
      return m->prflag ? "1" : "0";
    }
    case CliCmd::kGetPrKey: {
      const MapEntry* m = FindPrMapIn(s.maps, c.map);
      if (m == nullptr) return "fail\n";
      const std::optional<PrKey>& source = m->config.reservation_key;
      std::optional<StoredPrKey> key;
      if (source && source->file) {
        key = m->file_prkey;
      } else if (source && source->key != 0) {
        key = StoredPrKey{source->key, source->aptpl};
      }
      if (!key) return "none\n";
      char buf[40];
      std::snprintf(buf, sizeof buf, "0x%" PRIx64 "%s\n", key->key, key->aptpl ? ":aptpl" : "");
      return buf;
    }
    default:
      return "fail\nnot supported by mpx yet\n";
  }
}

}  // namespace mpx
