#include "app/list.h"

#include <algorithm>
#include <map>

#include "app/command_setup.h"
#include "app/dm_unavailable.h"
#include "app/map_config.h"
#include "base/parallel.h"
#include "discovery/discover.h"
#include "discovery/scsi_path.h"
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

// A path of a map's table ("8:16") as sysfs shows it now, or a placeholder
// ("-", state "unknown") for a device sysfs no longer shows.
Path ReadListedPath(const Sysfs& sysfs, const std::string& devt) {
  if (auto target = sysfs.Resolve("dev/block/" + devt); target.ok()) {
    auto path = ReadScsiPath(sysfs, target->substr(target->rfind('/') + 1));
    if (path.ok()) {
      ReadPg83(sysfs, path.value());
      return std::move(path).value();
    }
  }
  Path p;
  auto colon = devt.find(':');
  p.major = static_cast<uint32_t>(std::stoul(devt.substr(0, colon)));
  p.minor = static_cast<uint32_t>(std::stoul(devt.substr(colon + 1)));
  p.dev = "-";
  p.sysfs_state = "unknown";
  return p;
}

// The listing's view of a map: the kernel's table and state over `paths`.
MultipathMap MapFromKernel(const DmMapInfo& info, const DmTable& table, const DmStatus& status,
                           const std::vector<Path>& paths,
                           const std::map<std::string, size_t>& by_devt) {
  MultipathMap m;
  m.name = info.name;
  m.wwid = info.uuid.rfind("mpath-", 0) == 0 ? info.uuid.substr(6) : info.uuid;
  m.size_sectors = table.length;
  m.features = Counted(table.features);
  m.hwhandler = "0";
  if (!table.hwhandler.empty()) {
    m.hwhandler = std::to_string(1 + table.hwhandler_args.size()) + " " + table.hwhandler;
    for (const auto& a : table.hwhandler_args) m.hwhandler += " " + a;
  }
  for (size_t g = 0; g < table.groups.size(); ++g) {
    const DmTableGroup& tg = table.groups[g];
    PathGroup pg;
    pg.selector = tg.selector + " " + Counted(tg.selector_args);
    if (g < status.groups.size()) pg.dm_state = GroupState(status.groups[g].state);
    for (size_t k = 0; k < tg.paths.size(); ++k) {
      size_t idx = by_devt.at(tg.paths[k].dev);
      pg.paths.push_back(idx);
      bool active = g < status.groups.size() && k < status.groups[g].paths.size()
                        ? status.groups[g].paths[k].active
                        : true;
      pg.path_dm_states.push_back(active ? "active" : "failed");
      const Path& p = paths[idx];
      if (m.vendor.empty() && p.dev != "-") m.vendor = p.vendor, m.model = p.model;
    }
    m.groups.push_back(std::move(pg));
  }
  return m;
}

bool Wanted(const std::vector<std::string>& args, const DmMapInfo& info, const DmTable& t,
            const std::vector<Path>& paths, const std::map<std::string, size_t>& by_devt) {
  if (args.empty()) return true;
  for (const auto& a : args) {
    if (a == info.name || "mpath-" + a == info.uuid || a == info.DevT() ||
        a == "/dev/mapper/" + info.name) {
      return true;
    }
    std::string dev = a.rfind("/dev/", 0) == 0 ? a.substr(5) : a;
    for (const auto& g : t.groups) {
      for (const auto& p : g.paths) {
        auto it = by_devt.find(p.dev);
        if (p.dev == a || (it != by_devt.end() && paths[it->second].dev == dev)) return true;
      }
    }
  }
  return false;
}

}  // namespace

CommandOutput RunList(const MultipathOptions& o, Context& ctx) {
  CommandOutput r;
  const bool check = o.mode == MultipathMode::kListCheck;
  auto setup = LoadCommandSetup(ctx);
  if (!setup.ok()) return Fail(r, setup.error().message);
  ReportConfigWarnings(*setup, r);
  auto maps = ctx.dm.List("multipath");
  if (!maps.ok()) return FailDm(r, ctx.dm, maps.error());
  WarnIfNoDaemon(o.verbosity, ctx, !maps->empty(), r);

  // The kernel's tables and states first; a map removed meanwhile is skipped.
  struct Kernel {
    DmMapInfo info;
    DmTable table;
    DmStatus status;
  };
  std::vector<Kernel> kernel;
  std::vector<std::string> devts;  // every path of every map, first-seen order
  for (const auto& info : maps.value()) {
    auto tline = ctx.dm.Table(info.name);
    auto sline = ctx.dm.Status(info.name);
    if (!tline.ok() || !sline.ok()) continue;
    auto table = ParseTable(tline.value());
    auto status = ParseStatus(sline.value());
    if (!table.ok() || !status.ok()) {
      Fail(r, info.name + ": " + (table.ok() ? status.error() : table.error()).message);
      continue;
    }
    for (const auto& g : table->groups) {
      for (const auto& p : g.paths) devts.push_back(p.dev);
    }
    kernel.push_back({info, std::move(table).value(), std::move(status).value()});
  }
  // Only the maps' paths are read (a map's path is listed whatever the
  // blacklist), in parallel.
  std::sort(devts.begin(), devts.end());
  devts.erase(std::unique(devts.begin(), devts.end()), devts.end());
  std::vector<Path> paths(devts.size());
  ParallelFor(devts.size(), WorkerCount(devts.size()),
              [&](size_t i) { paths[i] = ReadListedPath(ctx.sysfs, devts[i]); });
  std::map<std::string, size_t> by_devt;
  for (size_t i = 0; i < paths.size(); ++i) by_devt[devts[i]] = i;

  std::vector<MultipathMap> shown;
  std::vector<const Kernel*> shown_kernel;
  for (const Kernel& k : kernel) {
    if (!Wanted(o.devices, k.info, k.table, paths, by_devt)) continue;
    shown.push_back(MapFromKernel(k.info, k.table, k.status, paths, by_devt));
    shown_kernel.push_back(&k);
  }
  if (check) {
    std::vector<std::pair<size_t, size_t>> todo;  // (map, path)
    std::vector<MapConfig> configs;
    for (size_t m = 0; m < shown.size(); ++m) {
      size_t first = shown[m].groups.empty() || shown[m].groups[0].paths.empty()
                         ? paths.size()
                         : shown[m].groups[0].paths[0];
      configs.push_back(ResolveMapConfig(
          setup->config(), first < paths.size() ? paths[first] : Path{}, shown[m].wwid));
      for (const auto& g : shown[m].groups) {
        for (size_t i : g.paths) {
          if (paths[i].dev != "-") todo.emplace_back(m, i);
        }
      }
    }
    ParallelFor(todo.size(), WorkerCount(todo.size()), [&](size_t t) {
      CheckPath(ctx.scsi, configs[todo[t].first], paths[todo[t].second]);
    });
  }
  std::vector<int> prio;
  prio.reserve(paths.size());
  for (const auto& p : paths) prio.push_back(check ? std::max(p.priority, 0) : 0);
  std::vector<ListedMap> listed;
  for (size_t m = 0; m < shown.size(); ++m) {
    MultipathMap& map = shown[m];
    const DmMapInfo& info = shown_kernel[m]->info;
    for (auto& g : map.groups) g.priority = check ? GroupPriority(g, paths, prio) : 0;
    TopologyStyle style;
    style.dm_node = "dm-" + std::to_string(info.minor);
    style.wp = info.read_only ? "ro" : "rw";
    if (o.json) {
      listed.push_back({std::move(map), style.dm_node, info.DevT(), style.wp});
    } else if (o.verbosity == 1) {
      r.out += map.name + "\n";
    } else if (o.verbosity >= 2) {
      r.out += FormatTopology(map, paths, style);
    }
  }
  if (o.json) r.out = ListJson(listed, paths, check);
  return r;
}

}  // namespace mpx
