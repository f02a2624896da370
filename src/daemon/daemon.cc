#include "daemon/daemon.h"

#include <algorithm>
#include <cerrno>
#include <set>
#include <utility>

#include "base/strings.h"
#include "checker/prioritizer.h"
#include "config/resolve.h"
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

Daemon::Daemon(Env& env, Worker& worker, DaemonOptions options)
    : env_(env), worker_(worker), options_(std::move(options)) {
  Publish();
}

Status Daemon::Start() {
  Status s = Reconfigure(false);
  configuring_ = false;
  Publish();
  return s;
}

MapPolicy Daemon::ResolvePolicy(const Path& first, const std::string& wwid) const {
  MapPolicy p;
  Selection sel(setup_->config(), DeviceIdentity{first.vendor, first.model, first.rev}, wwid);
  p.failback = sel.Get(Opt::kFailback).number();
  Effective npr = sel.Get(Opt::kNoPathRetry);
  p.no_path_retry = npr.number();
  p.no_path_retry_set = npr.origin != Origin::kInternal;
  p.flush_on_last_del = sel.Get(Opt::kFlushOnLastDel).yes();
  p.deferred_remove = sel.Get(Opt::kDeferredRemove).yes();
  p.recheck_wwid = sel.Get(Opt::kRecheckWwid).yes();
  auto num = [&sel](Opt o) {
    auto e = sel.Find(o);
    return e && std::holds_alternative<int64_t>(e->value) ? static_cast<int>(e->number()) : 0;
  };
  p.shaky.san_threshold = num(Opt::kSanPathErrThreshold);
  p.shaky.san_forget_rate = num(Opt::kSanPathErrForgetRate);
  p.shaky.san_recovery_time = num(Opt::kSanPathErrRecoveryTime);
  p.shaky.double_failed_time = num(Opt::kMarginalPathDoubleFailedTime);
  p.shaky.sample_time = num(Opt::kMarginalPathErrSampleTime);
  p.shaky.rate_threshold = num(Opt::kMarginalPathErrRateThreshold);
  p.shaky.recheck_gap_time = num(Opt::kMarginalPathErrRecheckGapTime);
  p.shaky.marginal_groups =
      sel.Get(Opt::kMarginalPathgroups).as<MarginalPathgroups>() == MarginalPathgroups::kOn;
  p.shaky = MapDelayChecks(p.shaky, num(Opt::kDelayWatchChecks), num(Opt::kDelayWaitChecks),
                           max_polling_interval_);
  return p;
}

Status Daemon::Reconfigure(bool reload_all) {
  auto setup = LoadSetup(env_.files, env_.paths);
  if (!setup.ok()) {
    env_.log.Error(setup.error().message);
    return setup.error();
  }
  ReportConfigWarnings(*setup, env_.log);
  if (options_.verbosity) {
    setup->parsed.config.defaults.Set(Opt::kVerbosity,
                                      Setting{int64_t{*options_.verbosity}, "multipathd -v"});
  }
  setup_ = std::make_shared<const Setup>(std::move(setup).value());
  if (options_.on_config) options_.on_config(setup_->config());
  Selection defaults(setup_->config(), DeviceIdentity{}, "");
  polling_interval_ = static_cast<int>(defaults.Get(Opt::kPollingInterval).number());
  // max_polling_interval: unset (or not above polling_interval) means four
  // times polling_interval, as the reference.
  auto max = defaults.Find(Opt::kMaxPollingInterval);
  max_polling_interval_ =
      max && std::holds_alternative<int64_t>(max->value) && max->number() > polling_interval_
          ? static_cast<int>(max->number())
          : 4 * polling_interval_;
  queue_without_daemon_ = defaults.Get(Opt::kQueueWithoutDaemon).yes();
  log_checker_err_once_ =
      defaults.Get(Opt::kLogCheckerErr).as<LogCheckerErr>() == LogCheckerErr::kOnce;

  auto current = ReadCurrentMaps(env_.dm);
  if (!current.ok()) {
    LogDmFailure(env_.dm, current.error(), env_.log);
    return current.error();
  }
  const WwidEnv wenv = MakeWwidEnv(env_, *setup_);
  DiscoveryResult found = Discover(wenv, setup_->blacklist, env_.pool);
  auto wwids_text = ReadStateFile(env_.files, env_.paths.wwids_file);
  auto bindings_text = ReadStateFile(env_.files, env_.paths.bindings_file);
  if (!wwids_text.ok()) return wwids_text.error();
  if (!bindings_text.ok()) return bindings_text.error();
  WwidsFile wwids = ParseWwids(*wwids_text, env_.paths.wwids_file);
  std::set<std::string> in_use;
  for (const auto& c : *current) in_use.insert(c.info.name);
  Namer namer(ParseBindings(*bindings_text, env_.paths.bindings_file), in_use,
              options_.bindings_read_only);

  Chosen chosen = ChooseMaps(setup_->config(), setup_->find_multipaths, Coalesce(found.paths),
                             found.paths, *current, wwids, {.daemon_running = true});
  CheckChosenPaths(wenv, env_.pool, chosen, found.paths);
  std::vector<std::string> explain;
  auto wanted = BuildWanted(chosen, found.paths, namer, &explain);
  if (!wanted.ok()) {
    env_.log.Error(wanted.error().message);
    return wanted.error();
  }
  HoldGhostMaps(chosen, *wanted, found.paths, *current);
  auto actions =
      PlanActions(*wanted, *current, reload_all ? ReloadRule::kAlways : ReloadRule::kWhenDifferent);
  TunePaths(env_, setup_->config(), actions, *wanted, found.paths, false);
  std::vector<Status> results = ExecuteActions(env_.dm, actions, *wanted, env_.log, false);
  std::vector<const MultipathMap*> created;
  for (size_t k = 0; k < actions.size(); ++k) {
    if (results[k].ok() && actions[k].kind == ActionKind::kCreate) {
      created.push_back(&(*wanted)[actions[k].wanted].map);
    }
  }
  Persisted persisted = PersistState(env_.files, env_.paths.bindings_file, namer,
                                     env_.paths.wwids_file, wwids, created, env_.log);
  for (const MultipathMap* m : persisted.remembered) TriggerPathUevents(env_, *m, found.paths);

  // Monitor every path found (a path of no map is an orphan, checked too)
  // and every map that now holds the wanted table.
  for (const Path& p : found.paths) {
    const PathEntry* known = paths_.Find(p.id());
    bool fresh = known == nullptr;
    PathEntry e;
    if (!fresh) e = *known;
    e.path = p;
    e.map.clear();
    if (fresh) {
      e.check.state = p.checker_state;
      e.check.interval = polling_interval_;
      e.check.next = env_.clock.Now() + std::chrono::seconds(polling_interval_);
    }
    paths_.Put(p.id(), std::move(e));
  }
  std::set<PathId> seen;
  for (const Path& p : found.paths) seen.insert(p.id());
  std::vector<PathId> gone;
  for (const auto& [id, e] : paths_.items()) {
    if (!seen.count(id)) gone.push_back(id);
  }
  for (PathId id : gone) paths_.Erase(id);
  std::set<std::string> kept;
  for (size_t k = 0; k < actions.size(); ++k) {
    const WantedMap& w = (*wanted)[actions[k].wanted];
    if (!results[k].ok() && actions[k].kind != ActionKind::kNothing) continue;
    AdoptMap(w, chosen.configs[actions[k].wanted], found.paths);
    if (actions[k].kind != ActionKind::kNothing && maps_.Contains(w.map.wwid)) {
      MapEntry& m = maps_.Mutable(w.map.wwid);
      m.action = std::string(ActionWord(actions[k].kind));
      ++m.map_loads;
    }
    kept.insert(w.map.wwid);
  }
  std::vector<std::string> dropped;
  for (const auto& [wwid, m] : maps_.items()) {
    if (!kept.count(wwid)) dropped.push_back(wwid);
  }
  for (const std::string& wwid : dropped) maps_.Erase(wwid);
  return {};
}

void Daemon::AdoptMap(const WantedMap& w, const MapConfig& config, const PathSet& paths) {
  MapEntry m;
  if (const MapEntry* known = maps_.Find(w.map.wwid)) m = *known;
  m.map = w.map;
  m.table = w.table;
  m.config = config;
  const Path* first = nullptr;
  for (const PathGroup& g : w.map.groups) {
    if (!g.paths.empty() && first == nullptr) first = paths.Find(g.paths.front());
  }
  m.policy = ResolvePolicy(first ? *first : Path{}, w.map.wwid);
  m.file_prkey = LoadPrKey(m);
  auto info = env_.dm.Info(w.map.name);
  if (!info.ok()) {
    env_.log.Error(w.map.name + ": " + info.error().message);
    return;
  }
  m.info = info.value();
  m.queueing = std::find(w.table.features.begin(), w.table.features.end(), "queue_if_no_path") !=
               w.table.features.end();
  if (w.ghost_delay > 0) m.ghost_delay_left = w.ghost_delay;
  maps_.Put(w.map.wwid, std::move(m));
  for (const PathGroup& g : w.map.groups) {
    for (PathId id : g.paths) {
      if (paths_.Contains(id)) paths_.Mutable(id).map = w.map.wwid;
    }
  }
  SyncFromKernel(w.map.wwid);
}

void Daemon::SyncFromKernel(const std::string& wwid) {
  const MapEntry* m = maps_.Find(wwid);
  if (m == nullptr) return;
  auto line = env_.dm.Status(m->map.name);
  if (!line.ok()) return;
  auto status = ParseStatus(*line);
  if (!status.ok()) return;
  unsigned active = status->current_group;
  for (size_t g = 0; g < status->groups.size(); ++g) {
    if (status->groups[g].state == DmGroupState::kActive) active = static_cast<unsigned>(g + 1);
    for (const DmPathStatus& ps : status->groups[g].paths) {
      auto id = PathId::Parse(ps.dev);
      const PathEntry* e = id ? paths_.Find(*id) : nullptr;
      // Only what changed is written: the tables copy a value a snapshot
      // still holds, and this runs for every map every second.
      if (e != nullptr && e->dm_failed != !ps.active) paths_.Mutable(*id).dm_failed = !ps.active;
    }
  }
  auto state_name = [](DmGroupState s) {
    return s == DmGroupState::kActive     ? "active"
           : s == DmGroupState::kDisabled ? "disabled"
                                          : "enabled";
  };
  bool changed = active > 0 && m->active_group != active;
  for (size_t g = 0; g < m->map.groups.size() && g < status->groups.size(); ++g) {
    changed = changed || m->map.groups[g].dm_state != state_name(status->groups[g].state);
  }
  if (!changed) return;
  MapEntry& mm = maps_.Mutable(wwid);
  if (active > 0) mm.active_group = active;
  for (size_t g = 0; g < mm.map.groups.size() && g < status->groups.size(); ++g) {
    mm.map.groups[g].dm_state = state_name(status->groups[g].state);
  }
}

PathSet Daemon::MapPaths(const MapEntry& m) const {
  PathSet out;
  for (const PathGroup& g : m.map.groups) {
    for (PathId id : g.paths) {
      if (const PathEntry* e = paths_.Find(id)) {
        Path p = e->path;
        p.checker_state = !DaemonUsable(*e) && Usable(e->check.state) ? PathState::kDown
                          : e->dm_failed && Usable(e->check.state)    ? PathState::kDown
                                                                      : e->check.state;
        out.Put(std::move(p));
      }
    }
  }
  return out;
}

Status Daemon::ReloadMap(const std::string& wwid, const std::vector<PathId>& members) {
  MapEntry& m = maps_.Mutable(wwid);
  PathSet ps;
  for (PathId id : members) {
    if (const PathEntry* e = paths_.Find(id)) ps.Put(e->path);
  }
  CandidateMap c{wwid, members, m.map.vendor, m.map.model, m.map.size_sectors, {}};
  if (!ps.empty()) {
    const Path& first = ps[0];
    c.vendor = first.vendor, c.model = first.model, c.size_sectors = first.size_sectors;
  }
  MultipathMap built = BuildMap(c, ps, m.config.settings);
  built.name = m.map.name;
  auto table = BuildTable(built, ps, m.config.table);
  if (!table.ok()) {
    env_.log.Error(table.error().message);
    return table.error();
  }
  if (!m.queueing && std::find(table->features.begin(), table->features.end(),
                               "queue_if_no_path") != table->features.end()) {
    std::erase(table->features, "queue_if_no_path");  // keep what the daemon decided
  }
  built.features = std::to_string(table->features.size());
  for (const auto& f : table->features) built.features += " " + f;
  // As the reference's own reloads: udev scans the map again (its I/O picks
  // the active group; partitions and links are refreshed), unless no path
  // can carry that I/O.
  const bool none_usable = std::none_of(members.begin(), members.end(), [&](PathId id) {
    const PathEntry* e = paths_.Find(id);
    return MayCarryIo(e != nullptr ? e->check.state : PathState::kDown);
  });
  const MapUdevFlags flags{.no_kpartx = m.config.skip_kpartx, .no_paths = none_usable};
  Status s = env_.dm.Reload(m.map.name, FormatTable(*table), flags);
  if (!s.ok()) {
    env_.log.Error(m.map.name + ": " + s.error().message);
    return s;
  }
  env_.log.Notice(m.map.name + ": reload [" + FormatTable(*table) + "]");
  m.map = std::move(built);
  m.table = std::move(table).value();
  m.action = "reload";
  ++m.map_loads;
  for (PathId id : members) {
    if (paths_.Contains(id)) paths_.Mutable(id).map = wwid;
  }
  SyncFromKernel(wwid);
  return {};
}

void Daemon::Shutdown() {
  if (force_queueing_) return;
  if (queue_without_daemon_) return;  // queue_without_daemon yes: maps keep queueing
  std::vector<std::string> queueing;
  for (const auto& [wwid, m] : maps_.items()) {
    if (m->queueing) queueing.push_back(wwid);
  }
  for (const std::string& wwid : queueing) SetQueueing(wwid, false);
  Publish();
}

void Daemon::Publish() {
  published_ = env_.clock.Now();
  auto s = std::make_shared<Snapshot>();
  s->paths = paths_.items();
  s->maps = maps_.items();
  s->taken = env_.clock.Now();
  s->polling_interval = polling_interval_;
  s->max_polling_interval = max_polling_interval_;
  s->uevents = uevents_;
  s->reconfiguring = configuring_;
  s->setup = setup_;
  std::lock_guard lock(snapshot_mu_);
  snapshot_ = std::move(s);
}

std::shared_ptr<const Snapshot> Daemon::snapshot() const {
  std::lock_guard lock(snapshot_mu_);
  return snapshot_;
}

}  // namespace mpx
