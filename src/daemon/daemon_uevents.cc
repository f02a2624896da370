// Daemon: uevents (paths added, changed, removed; maps removed by others;
// resized LUNs).
#include <algorithm>
#include <cerrno>
#include <set>

#include "base/strings.h"
#include "checker/prioritizer.h"
#include "config/resolve.h"
#include "daemon/daemon.h"
#include "daemon/daemon_util.h"
#include "daemon/show.h"
#include "discovery/discover.h"
#include "engine/check.h"
#include "engine/current_maps.h"
#include "engine/dm_unavailable.h"
#include "engine/execute.h"
#include "engine/path_tuning.h"
#include "engine/persist.h"
#include "engine/remove.h"
#include "engine/shape.h"
#include "engine/state_files.h"
#include "policy/coalesce.h"
#include "policy/dm_table.h"
#include "policy/grouping.h"
#include "policy/topology.h"
#include "state/bindings.h"

namespace mpx {

void Daemon::OnUevent(const Uevent& ev) {
  ++uevents_;
  if (StartsWith(ev.devname, "dm-")) {
    const std::string action = ev.Get("DM_ACTION");
    auto id = PathId::Parse(ev.Get("DM_PATH"));
    if (ev.action == "change" && id && paths_.Contains(*id)) {
      PathEntry& e = paths_.Mutable(*id);
      if (action == "PATH_FAILED") {
        // The kernel failed it on an I/O error: check it now.
        if (!e.dm_failed) {
          e.dm_failed = true;
          if (!e.map.empty()) ++maps_.Mutable(e.map).path_faults;
        }
        e.check.next = env_.clock.Now();
        env_.log.Notice(e.path.dev + ": failed by the kernel; checking it now");
      } else if (action == "PATH_REINSTATED") {
        e.dm_failed = false;
      }
    } else if (ev.action == "remove") {
      for (const auto& [wwid, m] : maps_.items()) {
        if (m->info.major == ev.major && m->info.minor == ev.minor) {
          ForgetMap(wwid);
          break;
        }
      }
    }
    Publish();
    return;
  }
  if (ev.devtype == "partition") return;
  PathId id{ev.major, ev.minor};
  if (ev.action == "add") {
    AddPath(ev.devname);
  } else if (ev.action == "remove") {
    RemovePath(id);
  } else if (ev.action == "change" && paths_.Contains(id)) {
    paths_.Mutable(id).check.next = env_.clock.Now();
    RecheckPath(id);
  }
  Publish();
}

void Daemon::AddPath(const std::string& dev) {
  if (!setup_) return;
  auto found = std::make_shared<std::optional<Result<Path>>>();
  std::shared_ptr<const Setup> setup = setup_;  // stays alive if a reconfigure replaces it
  const WwidEnv wenv = MakeWwidEnv(env_, *setup);
  worker_.Run(
      [found, wenv, setup, dev] {
        auto path = DiscoverOne(wenv, setup->blacklist, dev);
        if (path.ok()) {
          MapConfig mc = ResolveMapConfig(setup->config(), *path, path->wwid);
          CheckPath(CheckIo{wenv.scsi, &wenv.sysfs, &wenv.udev}, mc, *path);
        }
        found->emplace(std::move(path));
      },
      [this, found, dev] {
        if (!found->has_value() || !(*found)->ok()) {
          env_.log.Info(dev + ": not monitored: " +
                        (found->has_value() ? (*found)->error().message : "no result"));
          return;
        }
        IntegratePath((*found)->value());
        Publish();
      });
}

void Daemon::IntegratePath(const Path& path) {
  const PathId id = path.id();
  PathEntry e;
  if (const PathEntry* known = paths_.Find(id)) e = *known;
  e.path = path;
  e.check.state = path.checker_state;
  e.check.interval = polling_interval_;
  e.check.next = env_.clock.Now() + std::chrono::seconds(polling_interval_);
  paths_.Put(id, e);
  env_.log.Notice(path.dev + ": path added (wwid " + path.wwid + ")");

  if (const MapEntry* m = maps_.Find(path.wwid)) {
    std::vector<PathId> members;
    for (const PathGroup& g : m->map.groups) {
      for (PathId p : g.paths) {
        if (p != id) members.push_back(p);
      }
    }
    members.push_back(id);
    if (ReloadMap(path.wwid, members).ok()) {
      env_.log.Notice(path.dev + ": added to " + maps_.Find(path.wwid)->map.name);
    }
    ApplyPathState(path.wwid, id, false);
    return;
  }
  // A new LUN: the same steps as at start, over the paths of this WWID.
  PathSet same;
  for (const auto& [pid, pe] : paths_.items()) {
    if (pe->path.wwid == path.wwid) same.Put(pe->path);
  }
  auto current = ReadCurrentMaps(env_.dm);
  auto wwids = LoadWwids(env_.files, env_.paths.wwids_file);
  auto wwids_text = ReadStateFile(env_.files, env_.paths.wwids_file);
  auto bindings_text = ReadStateFile(env_.files, env_.paths.bindings_file);
  if (!current.ok() || !wwids.ok() || !wwids_text.ok() || !bindings_text.ok()) return;
  Chosen chosen = ChooseMaps(setup_->config(), setup_->find_multipaths, Coalesce(same), same,
                             *current, *wwids, {.daemon_running = true});
  if (chosen.maps.empty()) {
    for (const std::string& why : chosen.explain) env_.log.Info(why);
    return;
  }
  std::set<std::string> in_use;
  for (const auto& c : *current) in_use.insert(c.info.name);
  Namer namer(ParseBindings(*bindings_text, env_.paths.bindings_file), in_use,
              options_.bindings_read_only);
  std::vector<std::string> explain;
  auto wanted = BuildWanted(chosen, same, namer, &explain);
  if (!wanted.ok()) {
    env_.log.Error(wanted.error().message);
    return;
  }
  HoldGhostMaps(chosen, *wanted, same, *current);
  auto actions = PlanActions(*wanted, *current, ReloadRule::kWhenDifferent);
  TunePaths(env_, setup_->config(), actions, *wanted, same, false);
  std::vector<Status> results = ExecuteActions(env_.dm, actions, *wanted, env_.log, false);
  std::vector<const MultipathMap*> created;
  for (size_t k = 0; k < actions.size(); ++k) {
    if (!results[k].ok()) continue;
    const WantedMap& w = (*wanted)[actions[k].wanted];
    if (actions[k].kind == ActionKind::kCreate) created.push_back(&w.map);
    AdoptMap(w, chosen.configs[actions[k].wanted], same);
    if (maps_.Contains(w.map.wwid)) {
      MapEntry& m = maps_.Mutable(w.map.wwid);
      m.action = std::string(ActionWord(actions[k].kind));
      ++m.map_loads;
    }
  }
  Persisted persisted = PersistState(env_.files, env_.paths.bindings_file, namer,
                                     env_.paths.wwids_file, *wwids, created, env_.log);
  for (const MultipathMap* m : persisted.remembered) TriggerPathUevents(env_, *m, same);
}

// A change uevent on a path: does it still report the WWID of its map? A
// path whose WWID changed (a LUN remapped behind it) is failed and kept out
// until it reports the old one again, as the reference. Did its size change
// (a LUN resized on the array)? The map follows once all its paths agree.
void Daemon::RecheckPath(PathId id) {
  if (!setup_) return;
  const std::string dev = paths_.Find(id)->path.dev;
  auto found = std::make_shared<std::optional<Result<Path>>>();
  std::shared_ptr<const Setup> setup = setup_;
  const WwidEnv wenv = MakeWwidEnv(env_, *setup);
  worker_.Run(
      [found, wenv, setup, dev] { found->emplace(DiscoverOne(wenv, setup->blacklist, dev)); },
      [this, id, found] {
        if (!paths_.Contains(id) || !found->has_value() || !(*found)->ok()) return;
        const Path& now = (*found)->value();
        PathEntry& e = paths_.Mutable(id);
        if (now.wwid.empty() || e.path.wwid.empty()) return;
        const bool changed = now.wwid != e.path.wwid;
        if (changed && !e.wwid_changed) {
          env_.log.Warning(e.path.dev + ": path wwid changed from '" + e.path.wwid + "' to '" +
                           now.wwid + "': failing it");
        } else if (!changed && e.wwid_changed) {
          env_.log.Notice(e.path.dev + ": path wwid is '" + now.wwid + "' again");
        }
        e.wwid_changed = changed;
        const bool resized =
            !changed && now.size_sectors != 0 && now.size_sectors != e.path.size_sectors;
        if (resized) {
          env_.log.Notice(e.path.dev + ": size changed from " +
                          std::to_string(e.path.size_sectors) + " to " +
                          std::to_string(now.size_sectors) + " sectors");
          e.path.size_sectors = now.size_sectors;
        }
        const std::string map = e.map;  // (e may move: the calls below edit the table)
        if (!map.empty()) ApplyPathState(map, id, !changed);
        if (resized && !map.empty()) ResizeMapIfAllAgree(map);
        Publish();
      });
}

// Reloads the map at its paths' new size when every path of it reports the
// same size (the others' change uevents may still be on their way).
void Daemon::ResizeMapIfAllAgree(const std::string& wwid) {
  const MapEntry* m = maps_.Find(wwid);
  if (m == nullptr) return;
  std::vector<PathId> members;
  uint64_t size = 0;
  for (const PathGroup& g : m->map.groups) {
    for (PathId p : g.paths) {
      const PathEntry* pe = paths_.Find(p);
      if (pe == nullptr) continue;
      if (size != 0 && pe->path.size_sectors != size) return;  // not all there yet
      size = pe->path.size_sectors;
      members.push_back(p);
    }
  }
  if (size == 0 || size == m->map.size_sectors) return;
  const std::string name = m->map.name;
  const uint64_t old = m->map.size_sectors;
  if (ReloadMap(wwid, members).ok()) {
    env_.log.Notice(name + ": resized from " + std::to_string(old) + " to " + std::to_string(size) +
                    " sectors");
  }
}

void Daemon::RemovePath(PathId id) {
  const PathEntry* e = paths_.Find(id);
  if (e == nullptr) return;
  const std::string wwid = e->map;
  const std::string dev = e->path.dev;
  paths_.Erase(id);
  env_.log.Notice(dev + ": path removed");
  const MapEntry* m = wwid.empty() ? nullptr : maps_.Find(wwid);
  if (m == nullptr) return;
  std::vector<PathId> members;
  for (const PathGroup& g : m->map.groups) {
    for (PathId p : g.paths) {
      if (p != id && paths_.Contains(p)) members.push_back(p);
    }
  }
  if (members.empty() && m->policy.flush_on_last_del) {
    const std::string name = m->map.name;
    SetQueueing(wwid, false);
    if (Status s = RemoveUnusedMap(env_.dm, env_.clock, name, 0); s.ok()) {
      env_.log.Notice(name + ": last path deleted, map removed (flush_on_last_del)");
      maps_.Erase(wwid);
      return;
    }
    // In use: with deferred_remove the kernel removes it at its last close,
    // as the reference; it is no longer monitored.
    if (m->policy.deferred_remove && RemoveMapDeferred(env_.dm, name).ok()) {
      env_.log.Notice(name + ": last path deleted, devmap deferred remove");
      maps_.Erase(wwid);
      return;
    }
  }
  (void)ReloadMap(wwid, members);
  UpdateQueueing(wwid);
}

void Daemon::ForgetMap(const std::string& wwid) {
  const MapEntry* m = maps_.Find(wwid);
  if (m == nullptr) return;
  env_.log.Notice(m->map.name + ": map removed, no longer monitored");
  for (const PathGroup& g : m->map.groups) {
    for (PathId id : g.paths) {
      if (paths_.Contains(id)) {
        PathEntry& e = paths_.Mutable(id);
        e.map.clear();
        e.dm_failed = false;
      }
    }
  }
  maps_.Erase(wwid);
}

}  // namespace mpx
