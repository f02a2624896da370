#include "app/create.h"

#include <sys/sysmacros.h>

#include <algorithm>
#include <cerrno>
#include <optional>

#include "app/command_setup.h"
#include "app/current_maps.h"
#include "app/dm_unavailable.h"
#include "app/naming.h"
#include "app/state_files.h"
#include "base/atomic_file.h"
#include "base/file_lock.h"
#include "base/parallel.h"
#include "checker/tur.h"
#include "config/blacklist_config.h"
#include "config/load.h"
#include "config/resolve.h"
#include "discovery/discover.h"
#include "output/discovery_report.h"
#include "output/topology_text.h"
#include "plan/table_compare.h"
#include "policy/coalesce.h"
#include "policy/path_validity.h"
#include "state/wwids.h"

namespace mpx {
namespace {

// The path's partitions: block/sda/sda1 ... (directories with a "partition"
// attribute).
std::vector<std::string> Partitions(const Sysfs& sysfs, const std::string& dev) {
  std::vector<std::string> parts;
  auto names = sysfs.List("block/" + dev);
  if (!names.ok()) return parts;
  for (const std::string& n : names.value()) {
    if (n.starts_with(dev) && sysfs.Exists("block/" + dev + "/" + n + "/partition")) {
      parts.push_back(dev + "/" + n);
    }
  }
  return parts;
}

const std::string* Property(const std::optional<Properties>& props, const std::string& key) {
  if (!props) return nullptr;
  auto it = props->find(key);
  return it == props->end() ? nullptr : &it->second;
}

// Writes "change" to the uevent attribute of each path of `map` (and of its
// partitions) that udev has not classified as a multipath member yet.
// Returns the devices done, space separated; a device that refuses is a
// warning in `err`, not a failure (the map exists either way).
std::string TriggerPathUevents(const Context& ctx, const MultipathMap& map,
                               const std::vector<Path>& paths, std::string* err) {
  std::string done;
  for (const PathGroup& g : map.groups) {
    for (size_t i : g.paths) {
      const Path& p = paths[i];
      auto props = ctx.udev.Lookup(makedev(p.major, p.minor));
      if (!NeedsMemberUevent(Property(props, "DM_MULTIPATH_DEVICE_PATH"),
                             Property(props, "FIND_MULTIPATHS_WAIT_UNTIL"))) {
        continue;
      }
      std::vector<std::string> devs{p.dev};
      for (std::string& part : Partitions(ctx.sysfs, p.dev)) devs.push_back(std::move(part));
      for (const std::string& d : devs) {
        if (Status s = ctx.sysfs.Write("block/" + d + "/uevent", "change"); !s.ok()) {
          *err += "multipath: warning: " + map.name + ": " + s.error().message + "\n";
          continue;
        }
        done += (done.empty() ? "" : " ") + d.substr(d.rfind('/') + 1);
      }
    }
  }
  return done;
}

bool Selects(const std::string& arg, const CandidateMap& m, const std::vector<Path>& paths,
             const std::vector<CurrentMap>& current) {
  if (arg == m.wwid) return true;
  for (const auto& c : current) {
    if (c.info.name == arg && c.info.uuid == "mpath-" + m.wwid) return true;
  }
  std::string dev = arg.rfind("/dev/", 0) == 0 ? arg.substr(5) : arg;
  return std::any_of(m.paths.begin(), m.paths.end(),
                     [&](size_t i) { return paths[i].dev == dev || paths[i].DevT() == arg; });
}

// Keeps the candidates the arguments select; an argument that selects
// nothing is an error, with discovery's reason when it skipped the device.
Status SelectArgs(const std::vector<std::string>& args, const DiscoveryResult& found,
                  const std::vector<CurrentMap>& current, std::vector<CandidateMap>& maps) {
  if (args.empty()) return {};
  for (const auto& a : args) {
    if (std::any_of(maps.begin(), maps.end(),
                    [&](const CandidateMap& m) { return Selects(a, m, found.paths, current); })) {
      continue;
    }
    std::string dev = a.rfind("/dev/", 0) == 0 ? a.substr(5) : a;
    for (const auto& s : found.skipped) {
      if (s.dev == dev) return MakeError(a + ": not a multipath path: " + s.reason, ENODEV);
    }
    return MakeError(a + ": no such path, WWID or map", ENODEV);
  }
  std::erase_if(maps, [&](const CandidateMap& m) {
    return std::none_of(args.begin(), args.end(),
                        [&](const std::string& a) { return Selects(a, m, found.paths, current); });
  });
  return {};
}

// find_multipaths: which candidates become maps. Existing maps always stay;
// named devices (arguments) count as wanted, as in the reference.
bool ShouldMultipath(FindMultipaths policy, const CandidateMap& c, bool exists, bool named,
                     const WwidsFile& wwids, bool ignore_wwids, std::string* why) {
  if (exists) return true;
  switch (policy) {
    case FindMultipaths::kGreedy:
    // off: creating maps, the reference is greedy (measured in the lab,
    // tests/lab/answers.sh), though its -c/-u answer as strict.
    case FindMultipaths::kOff:
      return true;
    case FindMultipaths::kOn:
    case FindMultipaths::kSmart:
      if (c.paths.size() > 1) return true;
      [[fallthrough]];
    case FindMultipaths::kStrict:
      if (ignore_wwids || named || Contains(wwids, c.wwid)) return true;
      *why = c.wwid + ": not in wwids file, skipping (find_multipaths " +
             (policy == FindMultipaths::kStrict ? "strict" : "on") + ")";
      return false;
  }
  return true;
}

// Checker, then prioritizer, on every path of the candidates, in parallel.
void CheckPaths(ScsiIo& io, const std::vector<CandidateMap>& maps,
                const std::vector<MapConfig>& configs, std::vector<Path>& paths) {
  std::vector<std::pair<size_t, size_t>> todo;  // (map, path)
  for (size_t m = 0; m < maps.size(); ++m) {
    for (size_t i : maps[m].paths) todo.emplace_back(m, i);
  }
  ParallelFor(todo.size(), WorkerCount(todo.size()),
              [&](size_t k) { CheckPath(io, configs[todo[k].first], paths[todo[k].second]); });
}

// The maps to plan against. Without device-mapper, a dry run over a
// recorded tree (--sysfs), where one is most useful, plans against none and
// `*dm_absent` says why; every other run fails, as the reference's (exit 1).
Result<std::vector<CurrentMap>> MapsToPlanAgainst(const MultipathOptions& o, Context& ctx,
                                                  std::optional<std::string>* dm_absent) {
  auto current = ReadCurrentMaps(ctx.dm);
  if (current.ok() || !IsDmUnavailable(current.error()) || !o.dry_run || !o.recorded_sysfs()) {
    return current;
  }
  *dm_absent = DmAbsenceCause(ctx.dm.Availability());
  return std::vector<CurrentMap>{};
}

struct Shaped {
  std::vector<WantedMap> wanted;
  std::vector<std::string> explain;  // -v3 lines
};

}  // namespace

CommandOutput RunCreate(const MultipathOptions& o, Context& ctx) {
  CommandOutput r;
  auto fail = [&](const std::string& msg) { return Fail(r, msg); };
  auto setup = LoadCommandSetup(ctx);
  if (!setup.ok()) return fail(setup.error().message);
  const Config& config = setup->config();
  ReportConfigWarnings(*setup, r);

  // Serialise with other runs before reading the kernel's state.
  std::optional<FileLock> lock;
  if (!o.dry_run) {
    auto l = FileLock::Acquire(ctx.lock_file);
    if (!l.ok()) return fail(l.error().message);
    lock.emplace(std::move(l).value());
  }

  // The kernel's maps before the paths: without device-mapper there is
  // nothing to do (the reference looks at no path either).
  std::optional<std::string> dm_absent;
  auto current = MapsToPlanAgainst(o, ctx, &dm_absent);
  if (!current.ok()) return FailDm(r, ctx.dm, current.error());
  if (dm_absent && o.verbosity >= 1) {
    r.err += "multipath: device-mapper is not available: " + *dm_absent +
             "; planning against no existing maps\n";
  }
  WwidEnv wenv = MakeWwidEnv(ctx, setup.value());
  DiscoveryResult found = Discover(wenv, setup->blacklist);
  std::vector<CandidateMap> candidates = Coalesce(found.paths);
  if (Status s = SelectArgs(o.devices, found, current.value(), candidates); !s.ok()) {
    return fail(s.error().message);
  }

  auto wwids_text = ReadStateFile(ctx.wwids_file);
  if (!wwids_text.ok()) return fail(wwids_text.error().message);
  WwidsFile wwids = ParseWwids(wwids_text.value(), ctx.wwids_file);
  for (const auto& w : wwids.warnings) r.err += "multipath: " + w + "\n";
  auto bindings_text = ReadStateFile(o.bindings_file.value_or(ctx.bindings_file));
  if (!bindings_text.ok()) return fail(bindings_text.error().message);
  std::set<std::string> names_in_use;
  for (const auto& c : current.value()) names_in_use.insert(c.info.name);
  Namer namer(ParseBindings(bindings_text.value(), o.bindings_file.value_or(ctx.bindings_file)),
              names_in_use, o.bindings_read_only || o.dry_run);
  for (const auto& w : namer.warnings()) r.err += "multipath: " + w + "\n";

  // find_multipaths, then each map's configuration.
  const FindMultipaths fm = setup->find_multipaths;
  std::vector<std::string> explain;
  std::vector<CandidateMap> chosen;
  for (auto& c : candidates) {
    bool exists = std::any_of(current->begin(), current->end(), [&](const CurrentMap& m) {
      return m.info.uuid == "mpath-" + c.wwid;
    });
    std::string why;
    if (ShouldMultipath(fm, c, exists, !o.devices.empty(), wwids, o.ignore_wwids, &why)) {
      chosen.push_back(std::move(c));
    } else {
      explain.push_back(why);
    }
  }
  std::vector<MapConfig> configs;
  for (const auto& c : chosen) {
    configs.push_back(ResolveMapConfig(config, found.paths[c.paths.front()], c.wwid));
    if (o.grouping_policy)
      configs.back().settings.grouping = *ParseGroupingPolicy(*o.grouping_policy);
    if (!o.allow_queueing && !ctx.daemon_running &&
        configs.back().table.queue_if_no_path != false) {
      // As the reference: without multipathd (and without -q) a map must not
      // queue forever, so queue_if_no_path is left out.
      configs.back().table.queue_if_no_path = false;
    }
  }
  for (size_t k = 0; k < chosen.size(); ++k) {
    if (configs[k].settings.grouping != GroupingPolicy::kGroupBySerial) continue;
    for (size_t i : chosen[k].paths) found.paths[i].serial = ReadSerial(wenv, found.paths[i]);
  }
  CheckPaths(ctx.scsi, chosen, configs, found.paths);
  std::vector<int> prio;
  prio.reserve(found.paths.size());
  for (const Path& p : found.paths) prio.push_back(p.priority);

  std::vector<WantedMap> wanted;
  for (size_t k = 0; k < chosen.size(); ++k) {
    const MapConfig& mc = configs[k];
    explain.insert(explain.end(), mc.explain.begin(), mc.explain.end());
    WantedMap w;
    w.map = BuildMap(chosen[k], found.paths, prio, mc.settings);
    std::string why;
    w.map.name = namer.NameFor(mc, chosen[k].wwid, &why);
    explain.push_back(chosen[k].wwid + ": alias = " + w.map.name + " " + why);
    TableOptions topt = mc.table;
    topt.priorities = prio;
    auto table = BuildTable(w.map, found.paths, topt);
    if (!table.ok()) return fail(w.map.name + ": " + table.error().message);
    w.table = std::move(table).value();
    w.map.features = std::to_string(w.table.features.size());
    for (const auto& f : w.table.features) w.map.features += " " + f;
    wanted.push_back(std::move(w));
  }
  auto actions = PlanActions(wanted, current.value(), o.force_reload);

  if (o.json) {
    std::vector<MultipathMap> maps;
    std::vector<std::string> words;
    for (const auto& a : actions) {
      maps.push_back(wanted[a.wanted].map);
      std::string_view word = ActionWord(a.kind);
      words.emplace_back(a.kind == ActionKind::kConflict ? "conflict"
                         : word.empty()                  ? "none"
                                                         : word);
    }
    r.out = DiscoveryJson(found, maps, words, o.dry_run, dm_absent);
  } else if (o.verbosity >= 3) {
    r.out += DiscoveryDetails(found);
    for (const auto& e : explain) r.out += e + "\n";
  }
  int failures = 0;
  std::vector<const MultipathMap*> created;
  if (!o.dry_run) ctx.dm.BeginBatch();
  for (const auto& a : actions) {
    const WantedMap& w = wanted[a.wanted];
    if (a.kind == ActionKind::kConflict) {
      r.err += "multipath: " + w.map.wwid + ": " + a.reason + "; map left alone\n";
      ++failures;
      continue;
    }
    if (a.kind == ActionKind::kNothing) continue;
    if (o.verbosity >= 3)
      r.out += w.map.name + ": " + std::string(ActionWord(a.kind)) + ": " + a.reason + "\n";
    if (!o.dry_run) {
      const std::string table = FormatTable(w.table);
      Status s;
      switch (a.kind) {
        case ActionKind::kCreate:
          s = ctx.dm.Create(w.map.name, "mpath-" + w.map.wwid, table);
          break;
        case ActionKind::kReload:
          s = ctx.dm.Reload(a.current_name, table);
          break;
        case ActionKind::kRename:
          s = ctx.dm.Rename(a.current_name, w.map.name);
          break;
        case ActionKind::kRenameReload:
          s = ctx.dm.Rename(a.current_name, w.map.name);
          if (s.ok()) s = ctx.dm.Reload(w.map.name, table);
          break;
        default:
          break;
      }
      if (!s.ok()) {
        r.err += "multipath: " + s.error().message + "\n";
        ++failures;
        continue;
      }
      if (a.kind == ActionKind::kCreate) created.push_back(&w.map);
      // The loaded table on stderr, as the reference logs it at -v2.
      if (o.verbosity >= 2 && a.kind != ActionKind::kRename) {
        r.err += w.map.name + (a.kind == ActionKind::kCreate ? ": addmap [" : ": reload [") +
                 table + "]\n";
      }
    }
    if (o.json) continue;
    if (o.verbosity == 1) r.out += w.map.name + "\n";
    if (o.verbosity >= 2) {
      TopologyStyle style{.action = o.dry_run && a.kind == ActionKind::kCreate
                                        ? std::string()
                                        : std::string(ActionWord(a.kind))};
      r.out += FormatTopology(w.map, found.paths, style);
    }
    if (o.diff && a.current_table) {
      r.out += "diff " + w.map.name + ": " + TableWordDiff(*a.current_table, w.table) + "\n";
    }
  }
  if (!o.dry_run) {
    ctx.dm.EndBatch();  // udev has made every node and link when this returns
    if (std::string text = namer.NewBindingsText(); !text.empty()) {
      if (Status s = WriteFileAtomically(o.bindings_file.value_or(ctx.bindings_file), text);
          !s.ok()) {
        r.err += "multipath: " + s.error().message + "\n";
        ++failures;
      }
    }
    std::string wtext = wwids_text.value();
    WwidsFile wf = wwids;
    std::vector<const MultipathMap*> remembered;  // WWIDs new to the wwids file
    for (const MultipathMap* m : created) {
      if (Contains(wf, m->wwid)) continue;
      wtext = WithWwid(wf, m->wwid);
      wf = ParseWwids(wtext, ctx.wwids_file);
      remembered.push_back(m);
    }
    if (!remembered.empty()) {
      if (Status s = WriteFileAtomically(ctx.wwids_file, wtext); !s.ok()) {
        r.err += "multipath: " + s.error().message + "\n";
        ++failures;
      }
    }
    // As the reference: the paths of a map whose WWID is new to the wwids file
    // get a "change" uevent, so udev's rules (multipath -u) now claim them
    // (DM_MULTIPATH_DEVICE_PATH=1, SYSTEMD_READY=0) and nothing else mounts or
    // scans them; paths udev already claims are left alone (each event costs
    // udev a run of all its rules). After the batch's wait, so the map exists
    // when the rules run.
    for (const MultipathMap* m : remembered) {
      std::string note = TriggerPathUevents(ctx, *m, found.paths, &r.err);
      if (o.verbosity >= 3 && !note.empty())
        r.out += m->name + ": change uevent for " + note + "\n";
    }
  }
  if (!o.dry_run) WarnIfNoDaemon(o.verbosity, ctx, !current->empty() || !created.empty(), r);
  if (failures > 0) r.exit_code = 1;
  return r;
}

}  // namespace mpx
