#include "cli/list.h"

#include <algorithm>

#include "base/thread_pool.h"
#include "cli/create.h"
#include "discovery/discover.h"
#include "discovery/scsi_path.h"
#include "engine/check.h"
#include "engine/dm_unavailable.h"
#include "engine/map_config.h"
#include "engine/setup.h"
#include "output/list_json.h"
#include "output/topology_text.h"
#include "policy/dm_table.h"
#include "policy/grouping.h"

namespace mpx {
namespace {

std::string Counted(const std::vector<std::string>& words) {
  std::string s = std::to_string(words.size());
  for (const auto& w : words) s += " " + w;
  return s;
}

std::string GroupState(DmGroupState s) {
  switch (s) {
    case DmGroupState::kActive:
      return "active";
    case DmGroupState::kDisabled:
      return "disabled";
    case DmGroupState::kEnabled:
      break;
  }
  return "enabled";
}

// A path of a map's table as sysfs shows it now, or a placeholder ("-",
// state "unknown") for a device sysfs no longer shows.
Path ReadListedPath(const Sysfs& sysfs, PathId id) {
  if (auto target = sysfs.Resolve("dev/block/" + id.ToString()); target.ok()) {
    auto path = ReadScsiPath(sysfs, target->substr(target->rfind('/') + 1));
    if (path.ok()) {
      ReadPg83(sysfs, path.value());
      return std::move(path).value();
    }
  }
  Path p;
  p.major = id.major;
  p.minor = id.minor;
  p.dev = "-";
  p.sysfs_state = "unknown";
  return p;
}

// The kernel's view of one map.
struct KernelMap {
  DmMapInfo info;
  DmTable table;
  DmStatus status;
};

// The listing's view of a map: the kernel's table and state over `paths`.
MultipathMap MapFromKernel(const KernelMap& k, const PathSet& paths) {
  MultipathMap m;
  m.name = k.info.name;
  m.wwid = k.info.uuid.rfind("mpath-", 0) == 0 ? k.info.uuid.substr(6) : k.info.uuid;
  m.size_sectors = k.table.length;
  m.features = Counted(k.table.features);
  m.hwhandler = "0";
  if (!k.table.hwhandler.empty()) {
    m.hwhandler = std::to_string(1 + k.table.hwhandler_args.size()) + " " + k.table.hwhandler;
    for (const auto& a : k.table.hwhandler_args) m.hwhandler += " " + a;
  }
  for (size_t g = 0; g < k.table.groups.size(); ++g) {
    const DmTableGroup& tg = k.table.groups[g];
    PathGroup pg;
    pg.selector = tg.selector + " " + Counted(tg.selector_args);
    if (g < k.status.groups.size()) pg.dm_state = GroupState(k.status.groups[g].state);
    for (size_t i = 0; i < tg.paths.size(); ++i) {
      auto id = PathId::Parse(tg.paths[i].dev);
      if (!id || !paths.Contains(*id)) continue;
      pg.paths.push_back(*id);
      bool active = g < k.status.groups.size() && i < k.status.groups[g].paths.size()
                        ? k.status.groups[g].paths[i].active
                        : true;
      pg.path_dm_states.push_back(active ? "active" : "failed");
      const Path& p = paths.at(*id);
      if (m.vendor.empty() && p.dev != "-") m.vendor = p.vendor, m.model = p.model;
    }
    m.groups.push_back(std::move(pg));
  }
  return m;
}

bool Wanted(const std::vector<std::string>& args, const KernelMap& k, const PathSet& paths) {
  if (args.empty()) return true;
  for (const auto& a : args) {
    if (a == k.info.name || "mpath-" + a == k.info.uuid || a == k.info.DevT() ||
        a == "/dev/mapper/" + k.info.name) {
      return true;
    }
    std::string dev = a.rfind("/dev/", 0) == 0 ? a.substr(5) : a;
    for (const auto& g : k.table.groups) {
      for (const auto& p : g.paths) {
        auto id = PathId::Parse(p.dev);
        const Path* path = id ? paths.Find(*id) : nullptr;
        if (p.dev == a || (path != nullptr && path->dev == dev)) return true;
      }
    }
  }
  return false;
}

// The kernel's tables and states; a map removed meanwhile is skipped, one
// whose table or status does not parse is reported.
std::vector<KernelMap> ReadKernelMaps(DeviceMapper& dm, const std::vector<DmMapInfo>& maps,
                                      Logger& log, CommandOutput& r) {
  std::vector<KernelMap> kernel;
  for (const auto& info : maps) {
    auto tline = dm.Table(info.name);
    auto sline = dm.Status(info.name);
    if (!tline.ok() || !sline.ok()) continue;
    auto table = ParseTable(tline.value());
    auto status = ParseStatus(sline.value());
    if (!table.ok() || !status.ok()) {
      Fail(r, log, info.name + ": " + (table.ok() ? status.error() : table.error()).message);
      continue;
    }
    kernel.push_back({info, std::move(table).value(), std::move(status).value()});
  }
  return kernel;
}

// Every path of the maps, read from sysfs in parallel (a map's path is
// listed whatever the blacklist).
PathSet ReadMapPaths(const std::vector<KernelMap>& kernel, const Env& env) {
  std::vector<PathId> ids;
  for (const KernelMap& k : kernel) {
    for (const auto& g : k.table.groups) {
      for (const auto& p : g.paths) {
        if (auto id = PathId::Parse(p.dev)) ids.push_back(*id);
      }
    }
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<Path> read(ids.size());
  ParallelFor(env.pool, ids.size(), HelpersFor(env.pool, ids.size()),
              [&](size_t i) { read[i] = ReadListedPath(env.sysfs, ids[i]); });
  return PathSet(std::move(read));
}

}  // namespace

CommandOutput RunList(const ListRequest& req, Env& env) {
  CommandOutput r;
  auto setup = LoadSetup(env.files, env.paths);
  if (!setup.ok()) return Fail(r, env.log, setup.error().message);
  ReportConfigWarnings(*setup, env.log);
  auto maps = env.dm.List("multipath");
  if (!maps.ok()) {
    LogDmFailure(env.dm, maps.error(), env.log);
    r.exit_code = 1;
    return r;
  }
  WarnIfNoDaemon(env, !maps->empty());

  std::vector<KernelMap> kernel = ReadKernelMaps(env.dm, maps.value(), env.log, r);
  PathSet paths = ReadMapPaths(kernel, env);
  std::vector<MultipathMap> shown;
  std::vector<const KernelMap*> shown_kernel;
  for (const KernelMap& k : kernel) {
    if (!Wanted(req.devices, k, paths)) continue;
    shown.push_back(MapFromKernel(k, paths));
    shown_kernel.push_back(&k);
  }
  if (req.check) {
    struct Job {
      MapConfig config;
      std::vector<Path*> paths;
    };
    std::vector<Job> jobs;
    for (const MultipathMap& m : shown) {
      const Path* first = m.groups.empty() || m.groups[0].paths.empty()
                              ? nullptr
                              : paths.Find(m.groups[0].paths[0]);
      Job j{ResolveMapConfig(setup->config(), first ? *first : Path{}, m.wwid), {}};
      for (const auto& g : m.groups) {
        for (PathId id : g.paths) {
          if (paths.at(id).dev != "-") j.paths.push_back(&paths.at(id));
        }
      }
      jobs.push_back(std::move(j));
    }
    std::vector<std::pair<const MapConfig*, Path*>> todo;
    for (Job& j : jobs) {
      for (Path* p : j.paths) todo.emplace_back(&j.config, p);
    }
    ParallelFor(env.pool, todo.size(), HelpersFor(env.pool, todo.size()), [&](size_t t) {
      CheckPath(CheckIo{env.scsi, &env.sysfs, &env.udev}, *todo[t].first, *todo[t].second);
    });
  } else {
    for (Path& p : paths) p.priority = 0;  // -l runs no prioritizer: prio=0, as the reference
  }
  std::vector<ListedMap> listed;
  for (size_t m = 0; m < shown.size(); ++m) {
    MultipathMap& map = shown[m];
    const DmMapInfo& info = shown_kernel[m]->info;
    for (auto& g : map.groups) g.priority = req.check ? GroupPriority(g, paths) : 0;
    TopologyStyle style;
    style.dm_node = "dm-" + std::to_string(info.minor);
    style.wp = info.read_only ? "ro" : "rw";
    if (req.json) {
      listed.push_back({std::move(map), style.dm_node, info.DevT(), style.wp});
    } else if (req.verbosity == 1) {
      r.out += map.name + "\n";
    } else if (req.verbosity >= 2) {
      r.out += FormatTopology(map, paths, style);
    }
  }
  if (req.json) r.out = ListJson(listed, paths, req.check);
  return r;
}

}  // namespace mpx
