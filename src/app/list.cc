#include "app/list.h"

#include <algorithm>
#include <map>

#include "app/map_config.h"
#include "checker/prioritizer.h"
#include "checker/tur.h"
#include "config/load.h"
#include "discovery/discover.h"
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

// The path for a table entry "8:16": the discovered one, or a placeholder
// for a device sysfs no longer shows.
size_t PathIndex(std::vector<Path>& paths, std::map<std::string, size_t>& by_devt,
                 const std::string& devt) {
  if (auto it = by_devt.find(devt); it != by_devt.end()) return it->second;
  Path p;
  auto colon = devt.find(':');
  p.major = static_cast<uint32_t>(std::stoul(devt.substr(0, colon)));
  p.minor = static_cast<uint32_t>(std::stoul(devt.substr(colon + 1)));
  p.dev = "-";
  p.sysfs_state = "unknown";
  paths.push_back(p);
  by_devt[devt] = paths.size() - 1;
  return paths.size() - 1;
}

bool Wanted(const std::vector<std::string>& args, const DmMapInfo& info, const DmTable& t,
            const std::vector<Path>& paths, std::map<std::string, size_t>& by_devt) {
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
  auto parsed = LoadConfig(ctx.config_file, ctx.config_dir);
  if (!parsed.ok()) {
    r.err = "multipath: " + parsed.error().message + "\n";
    r.exit_code = 1;
    return r;
  }
  WwidEnv wenv{ctx.sysfs, ctx.udev, ctx.scsi};
  DiscoveryResult found =
      Discover(wenv, Blacklist());  // a map's paths are listed whatever the blacklist
  std::vector<Path>& paths = found.paths;
  std::map<std::string, size_t> by_devt;
  for (size_t i = 0; i < paths.size(); ++i) by_devt[paths[i].DevT()] = i;
  auto maps = ctx.dm.List("multipath");
  if (!maps.ok()) {
    r.err = "multipath: " + maps.error().message + "\n";
    r.exit_code = 1;
    return r;
  }
  std::vector<ListedMap> listed;
  for (const auto& info : maps.value()) {
    auto tline = ctx.dm.Table(info.name);
    auto sline = ctx.dm.Status(info.name);
    if (!tline.ok() || !sline.ok()) continue;  // removed meanwhile
    auto table = ParseTable(tline.value());
    auto status = ParseStatus(sline.value());
    if (!table.ok() || !status.ok()) {
      r.err += "multipath: " + info.name + ": " +
               (table.ok() ? status.error() : table.error()).message + "\n";
      r.exit_code = 1;
      continue;
    }
    if (!Wanted(o.devices, info, table.value(), paths, by_devt)) continue;
    MultipathMap m;
    m.name = info.name;
    m.wwid = info.uuid.rfind("mpath-", 0) == 0 ? info.uuid.substr(6) : info.uuid;
    m.size_sectors = table->length;
    m.features = Counted(table->features);
    m.hwhandler = "0";
    if (!table->hwhandler.empty()) {
      m.hwhandler = std::to_string(1 + table->hwhandler_args.size()) + " " + table->hwhandler;
      for (const auto& a : table->hwhandler_args) m.hwhandler += " " + a;
    }
    for (size_t g = 0; g < table->groups.size(); ++g) {
      const DmTableGroup& tg = table->groups[g];
      PathGroup pg;
      pg.selector = tg.selector + " " + Counted(tg.selector_args);
      if (g < status->groups.size()) pg.dm_state = GroupState(status->groups[g].state);
      for (size_t k = 0; k < tg.paths.size(); ++k) {
        size_t idx = PathIndex(paths, by_devt, tg.paths[k].dev);
        pg.paths.push_back(idx);
        bool active = g < status->groups.size() && k < status->groups[g].paths.size()
                          ? status->groups[g].paths[k].active
                          : true;
        pg.path_dm_states.push_back(active ? "active" : "failed");
        Path& p = paths[idx];
        if (m.vendor.empty() && p.dev != "-") m.vendor = p.vendor, m.model = p.model;
        if (check && p.dev != "-") {
          p.checker_state = p.sysfs_state == "running"
                                ? RunTurChecker(ctx.scsi, p.devnode, &p.checker_message)
                                : PathState::kDown;
          MapConfig mc = ResolveMapConfig(parsed->config, p, m.wwid);
          Prioritize(mc.detect_prio ? DetectPrio(p, mc.prio) : mc.prio, ctx.scsi, p);
        }
      }
      m.groups.push_back(std::move(pg));
    }
    std::vector<int> prio;
    prio.reserve(paths.size());
    for (const auto& p : paths) prio.push_back(check ? std::max(p.priority, 0) : 0);
    for (auto& g : m.groups) g.priority = check ? GroupPriority(g, paths, prio) : 0;
    TopologyStyle style;
    style.dm_node = "dm-" + std::to_string(info.minor);
    style.wp = info.read_only ? "ro" : "rw";
    if (o.json) {
      listed.push_back({std::move(m), style.dm_node, info.DevT(), style.wp});
    } else if (o.verbosity == 1) {
      r.out += m.name + "\n";
    } else if (o.verbosity >= 2) {
      r.out += FormatTopology(m, paths, style);
    }
  }
  if (o.json) r.out = ListJson(listed, paths, check);
  return r;
}

}  // namespace mpx
