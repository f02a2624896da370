#include "daemon/daemon.h"

#include <algorithm>
#include <cerrno>
#include <set>

#include "base/strings.h"
#include "checker/prioritizer.h"
#include "config/resolve.h"
#include "daemon/show.h"
#include "discovery/discover.h"
#include "engine/check.h"
#include "engine/current_maps.h"
#include "engine/dm_unavailable.h"
#include "engine/execute.h"
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
namespace {

bool Usable(PathState s) { return s == PathState::kUp || s == PathState::kGhost; }

// Seconds to the next check, as the reference: reset to polling_interval on
// a change, doubled while a path stays up (or ghost), up to the maximum.
int NextInterval(PathState before, PathState after, int interval, int polling, int max_polling) {
  if (before != after || !Usable(after) || interval <= 0) return polling;
  return std::min(interval * 2, std::max(max_polling, polling));
}

std::string DevT(PathId id) { return id.ToString(); }

}  // namespace

struct Daemon::CheckDone {
  PathId id;
  Path path;  // the checked copy: checker state, priority, sysfs state
  MonoTime duration{};
};

Daemon::Daemon(Env& env, Worker& worker, DaemonOptions options)
    : env_(env), worker_(worker), options_(options) {
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
  auto actions = PlanActions(*wanted, *current, reload_all);
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

// ---------------------------------------------------------------- checks ---

void Daemon::Tick() {
  const MonoTime now = env_.clock.Now();
  std::vector<PathId> due;
  for (const auto& [id, e] : paths_.items()) {
    if (!e->check.pending && now >= e->check.next) due.push_back(id);
  }
  for (PathId id : due) StartCheck(id);
  RereadAccessStates(now);
  std::vector<std::string> regroup;
  for (const auto& [wwid, m] : maps_.items()) {
    if (m->regroup_pending) regroup.push_back(wwid);
  }
  for (const std::string& wwid : regroup) RegroupWhenSettled(wwid);
  // A check that outlives checker_timeout (plus the SCSI layer's own
  // handling) counts as a failure once; the check itself keeps its worker
  // until the kernel gives up, and no second one is started meanwhile.
  for (const auto& [id, e] : paths_.items()) {
    const PathEntry& pe = *e;
    if (!pe.check.pending || pe.check.state == PathState::kDown) continue;
    const MapEntry* m = pe.map.empty() ? nullptr : maps_.Find(pe.map);
    int timeout = m && m->config.checker_timeout > 0 ? m->config.checker_timeout : 30;
    if (now - pe.check.started < std::chrono::seconds(timeout + polling_interval_)) continue;
    PathEntry& w = paths_.Mutable(id);
    w.check.state = PathState::kDown;
    w.check.message = "checker timed out";
    ++w.check.timeouts;
    env_.log.Warning(w.path.dev + ": checker timed out after " +
                     std::to_string(Seconds(now - w.check.started)) + " s");
    if (!w.map.empty()) ApplyPathState(w.map, id, false);
  }
  std::vector<std::string> maps;
  for (const auto& [wwid, m] : maps_.items()) maps.push_back(wwid);
  // The kernel changes a map by itself too: the first I/O picks the active
  // group, an I/O error fails a path. The reference reads a map's status at
  // each check of its paths and for each show command; once a second for
  // every map keeps `show` as current (one status ioctl per map).
  for (const std::string& wwid : maps) SyncFromKernel(wwid);
  for (const std::string& wwid : maps) {
    const MapEntry& r = *maps_.Find(wwid);
    if (!r.queueing && r.retry_left <= 0 && r.failback_left <= 0) continue;  // nothing to count
    MapEntry& m = maps_.Mutable(wwid);
    if (m.queueing) ++m.total_queue_seconds;
    if (m.retry_left > 0 && --m.retry_left == 0) {
      m.retry_left = -1;
      ++m.queue_timeouts;
      env_.log.Notice(m.map.name + ": Disable queueing (no_path_retry ran out)");
      SetQueueing(wwid, false);
    }
    if (m.failback_left > 0 && --m.failback_left == 0) Failback(wwid, false, true);
  }
  Publish();
}

void Daemon::StartCheck(PathId id) {
  PathEntry& e = paths_.Mutable(id);
  e.check.pending = true;
  ++checks_running_;
  e.check.started = env_.clock.Now();
  MapConfig config;
  if (const MapEntry* m = e.map.empty() ? nullptr : maps_.Find(e.map)) {
    config = m->config;
  } else {
    config = ResolveMapConfig(setup_->config(), e.path, e.path.wwid);
  }
  auto result = std::make_shared<CheckDone>();
  result->id = id;
  result->path = e.path;
  Env& env = env_;
  std::shared_ptr<CheckerMemory> memory = e.checker_memory;
  worker_.Run(
      [result, config, memory, &env] {
        Path& p = result->path;
        const std::string d = "block/" + p.dev + "/device/";
        auto state = env.sysfs.Read(d + "state");
        p.sysfs_state = state.ok() ? std::string(Trim(*state)) : "gone";
        if (auto access = env.sysfs.Read(d + "access_state"); access.ok()) {
          p.alua_state = std::string(Trim(*access));
        }
        MonoTime start = env.clock.Now();
        CheckPath(CheckIo{env.scsi, &env.sysfs, &env.udev}, config, p, memory.get());
        result->duration = env.clock.Now() - start;
      },
      [this, result] { OnCheckDone(*result); });
}

void Daemon::OnCheckDone(const CheckDone& r) {
  if (checks_running_ > 0) --checks_running_;
  if (!paths_.Contains(r.id)) return;  // removed while it was checked
  const MonoTime now = env_.clock.Now();
  PathEntry& e = paths_.Mutable(r.id);
  const PathState before = e.check.state;
  const PathState after = r.path.checker_state;
  const int old_priority = e.path.priority;
  e.check.pending = false;
  e.check.state = after;
  e.check.message = r.path.checker_message;
  e.check.last_duration = r.duration;
  ++e.check.checks;
  if (!Usable(after)) ++e.check.failures;
  e.check.interval =
      NextInterval(before, after, e.check.interval, polling_interval_, max_polling_interval_);
  e.check.next = now + std::chrono::seconds(e.check.interval);
  e.path.sysfs_state = r.path.sysfs_state;
  e.path.alua_state = r.path.alua_state;
  e.path.checker_state = after;
  e.path.checker_message = r.path.checker_message;
  e.path.priority = r.path.priority;
  e.path.prioritizer = r.path.prioritizer;
  e.path.checker = r.path.checker;
  e.path.prio_message = r.path.prio_message;
  e.check.done = now;
  e.check.reread_access_state = r.path.prioritizer == "sysfs" && !r.path.alua_state.empty();
  if (before != after) {
    env_.log.Notice(e.path.dev + ": checker " + std::string(CheckerStateName(before)) + " -> " +
                    std::string(CheckerStateName(after)) +
                    (e.check.message.empty() ? "" : " (" + e.check.message + ")"));
  }
  const std::string wwid = e.map;
  const bool priority_changed = old_priority != r.path.priority;
  if (!wwid.empty() && maps_.Contains(wwid)) {
    const bool was_held = e.health.held || e.health.sampling;
    HealthVerdict v = OnCheck(maps_.Find(wwid)->policy.shaky, e.health, Usable(before),
                              Usable(after), OthersUsable(wwid, r.id), now);
    const bool now_held = e.health.held || e.health.sampling;
    const bool released_early = was_held && v == HealthVerdict::kUse && !e.health.why.empty();
    if ((now_held && !was_held) || released_early) {
      env_.log.Notice(e.path.dev + ": " + e.health.why);
    }
    if (v == HealthVerdict::kSample) {
      if (e.health.in_use_sample)
        env_.log.Notice(e.path.dev + ": marginal: sampling I/O errors again");
      StartSample(r.id);
    }
    if (e.health.held || e.health.sampling) {  // watched closely until it is let back
      e.check.interval = polling_interval_;
      e.check.next = now + std::chrono::seconds(polling_interval_);
    }
  }
  if (!wwid.empty()) {
    ApplyPathState(wwid, r.id, !Usable(before) && Usable(after));
    if (priority_changed) OnPriorityChanged(wwid, r.id);
  }
  // A round's results are published together (a snapshot copies the
  // tables: once per result would be quadratic in the paths): when the last
  // running check is done, when a path changed, or 200 ms after the last
  // publication; Tick publishes every second anyway.
  if (checks_running_ == 0 || before != after || priority_changed ||
      now - published_ >= std::chrono::milliseconds(200)) {
    Publish();
  }
}

// A path's priority changed. As the reference: with group_by_prio and
// failback immediate the map is regrouped (a reload) when its groups or
// their order change, and fails back; otherwise its groups keep their
// paths, their priorities are recomputed and failback decides (manual: the
// active group stays; N seconds: the countdown starts).
void Daemon::OnPriorityChanged(const std::string& wwid, PathId id) {
  if (!maps_.Contains(wwid)) return;
  if (maps_.Find(wwid)->config.settings.grouping != GroupingPolicy::kGroupByPrio) return;
  RefreshSysfsPriorities(wwid, id);
  if (maps_.Find(wwid)->policy.failback != kFailbackImmediate) {
    MapEntry& mm = maps_.Mutable(wwid);
    const PathSet ps = MapPaths(mm);
    for (PathGroup& g : mm.map.groups) g.priority = GroupPriority(g, ps);
    Failback(wwid, false);
    return;
  }
  // Regroup once the other paths were checked again: a target's ALUA change
  // reaches the kernel's view of each path when a command through it meets
  // the unit attention, so until then the others may hold the old state
  // (and a group of mixed states, once activated, makes an explicit-ALUA
  // array optimize the wrong port).
  MapEntry& pending = maps_.Mutable(wwid);
  if (pending.regroup_pending) return;
  pending.regroup_pending = true;
  const MonoTime now = env_.clock.Now();
  for (const PathGroup& g : pending.map.groups) {
    for (PathId o : g.paths) {
      if (o != id && paths_.Contains(o)) paths_.Mutable(o).check.next = now;
    }
  }
}

// Regroups a map whose regroup is pending once its paths' checks and second
// looks at access_state are done (OnPriorityChanged).
void Daemon::RegroupWhenSettled(const std::string& wwid) {
  for (const PathGroup& g : maps_.Find(wwid)->map.groups) {
    for (PathId o : g.paths) {
      const PathEntry* pe = paths_.Find(o);
      if (pe && (pe->check.pending || pe->check.reread_access_state ||
                 pe->check.next <= env_.clock.Now())) {
        return;  // not settled yet
      }
    }
  }
  maps_.Mutable(wwid).regroup_pending = false;
  const MapEntry& m = *maps_.Find(wwid);
  std::vector<PathId> members;
  for (const PathGroup& g : m.map.groups) {
    members.insert(members.end(), g.paths.begin(), g.paths.end());
  }
  // As the reference, a priority change reloads the map (new groups, a new
  // order, or only a group's priority: the kernel then activates its first
  // group); ApplyPathState keeps the groups' priorities current in between,
  // so there is nothing to compare against.
  env_.log.Notice(m.map.name + ": path priorities changed, regrouping");
  (void)ReloadMap(wwid, members);
  Failback(wwid, false);
}

// The second look at access_state, at least 200 ms after a check (see
// PathCheck::reread_access_state), without SCSI I/O.
void Daemon::RereadAccessStates(MonoTime now) {
  std::vector<PathId> due;
  for (const auto& [id, e] : paths_.items()) {
    if (e->check.reread_access_state && !e->check.pending &&
        now - e->check.done >= std::chrono::milliseconds(200)) {
      due.push_back(id);
    }
  }
  for (PathId id : due) {
    paths_.Mutable(id).check.reread_access_state = false;
    if (!RereadAccessState(id)) continue;
    const std::string wwid = paths_.Find(id)->map;
    if (!wwid.empty()) OnPriorityChanged(wwid, id);
  }
}

// Reads a sysfs-prioritized path's access_state again (no SCSI I/O); when
// it changed, keeps it and its priority. True when the priority changed.
bool Daemon::RereadAccessState(PathId id) {
  const PathEntry* pe = paths_.Find(id);
  if (pe == nullptr || pe->path.prioritizer != "sysfs") return false;
  auto access = env_.sysfs.Read("block/" + pe->path.dev + "/device/access_state");
  if (!access.ok() || Trim(*access) == pe->path.alua_state) return false;
  Path p = pe->path;
  p.alua_state = std::string(Trim(*access));
  const MapEntry* m = pe->map.empty() ? nullptr : maps_.Find(pe->map);
  PrioResult r =
      RunPrioritizer("sysfs", m ? m->config.prio_args : "",
                     PrioIo{env_.scsi, &env_.sysfs, &env_.udev}, p, std::chrono::milliseconds(0));
  PathEntry& e = paths_.Mutable(id);
  e.path.alua_state = p.alua_state;
  if (!r.ok() || r.priority == e.path.priority) return false;
  env_.log.Info(p.dev + ": access_state now " + p.alua_state + ", priority " +
                std::to_string(r.priority));
  e.path.priority = r.priority;
  return true;
}

// One path's priority changed: re-read the kernel's access_state of the
// map's other sysfs-prioritized paths before regrouping. A target's ALUA
// change reaches the kernel through the first command on any of its paths
// that meets the unit attention, and the kernel's report then refreshes
// every path of the LUN; a path checked before that still holds the old
// state. Regrouping on it would put paths of different states into one
// group, whose activation makes an explicit-ALUA array (through the
// kernel's SET TARGET PORT GROUPS) optimize the wrong port.
void Daemon::RefreshSysfsPriorities(const std::string& wwid, PathId changed) {
  const MapEntry* m = maps_.Find(wwid);
  if (m == nullptr) return;
  std::vector<PathId> members;
  for (const PathGroup& g : m->map.groups) {
    for (PathId o : g.paths) {
      if (o != changed) members.push_back(o);
    }
  }
  for (PathId o : members) (void)RereadAccessState(o);
}

size_t Daemon::OthersUsable(const std::string& wwid, PathId id) const {
  const MapEntry* m = maps_.Find(wwid);
  if (m == nullptr) return 0;
  size_t n = 0;
  for (const PathGroup& g : m->map.groups) {
    for (PathId o : g.paths) {
      const PathEntry* pe = paths_.Find(o);
      n += o != id && pe != nullptr && DaemonUsable(*pe) ? 1 : 0;
    }
  }
  return n;
}

// marginal_path_*: direct reads at 10 Hz for sample_time seconds on a
// worker (it holds one thread that long), then OnSampleDone.
void Daemon::StartSample(PathId id) {
  const PathEntry& e = *paths_.Find(id);
  const MapEntry* m = maps_.Find(e.map);
  if (m == nullptr) return;
  const int seconds = m->policy.shaky.sample_time;
  const std::string devnode = e.path.devnode;
  auto counts = std::make_shared<std::pair<uint64_t, uint64_t>>(0, 0);  // errors, reads
  Env& env = env_;
  worker_.Run(
      [counts, devnode, seconds, &env] {
        const MonoTime end = env.clock.Now() + std::chrono::seconds(seconds);
        while (env.clock.Now() < end) {
          CheckResult r = RunChecker("directio", env.scsi, devnode, std::chrono::seconds(1));
          ++counts->second;
          if (r.state != PathState::kUp) ++counts->first;
          env.clock.SleepFor(std::chrono::milliseconds(100));
        }
      },
      [this, id, counts] { OnSampleDone(id, counts->first, counts->second); });
}

void Daemon::OnSampleDone(PathId id, uint64_t errors, uint64_t reads) {
  if (!paths_.Contains(id)) return;
  PathEntry& e = paths_.Mutable(id);
  const std::string wwid = e.map;
  if (wwid.empty() || !maps_.Contains(wwid)) return;
  env_.log.Notice(e.path.dev + ": I/O error sample: " + std::to_string(errors) + " of " +
                  std::to_string(reads) + " reads failed");
  OnSample(maps_.Find(wwid)->policy.shaky, e.health, errors, reads, OthersUsable(wwid, id),
           env_.clock.Now());
  if (!e.health.why.empty()) env_.log.Notice(e.path.dev + ": " + e.health.why);
  // marginal_pathgroups on: the sample moves the path into (out of) a
  // marginal group, which takes a reload, as setmarginal does.
  const bool regroup = e.path.marginal != e.health.marginal;
  if (regroup) {
    e.path.marginal = e.health.marginal;
    env_.log.Notice(e.path.dev +
                    (e.path.marginal ? ": marked marginal" : ": marginal mark cleared"));
  }
  ApplyPathState(wwid, id, DaemonUsable(*paths_.Find(id)));
  if (regroup && maps_.Contains(wwid)) {
    std::vector<PathId> members;
    for (const PathGroup& g : maps_.Find(wwid)->map.groups) {
      members.insert(members.end(), g.paths.begin(), g.paths.end());
    }
    if (ReloadMap(wwid, members).ok()) Failback(wwid, false);
  }
  Publish();
}

bool Daemon::FailPath(const std::string& wwid, PathId id, const std::string& why) {
  MapEntry& m = maps_.Mutable(wwid);
  Status s = env_.dm.Message(m.map.name, "fail_path " + DevT(id));
  if (!s.ok()) {
    env_.log.Error(m.map.name + ": " + s.error().message);
    return false;
  }
  ++m.path_faults;
  PathEntry& e = paths_.Mutable(id);
  e.dm_failed = true;
  env_.log.Notice(m.map.name + ": fail path " + e.path.dev + " (" + DevT(id) + "): " + why);
  return true;
}

bool Daemon::ReinstatePath(const std::string& wwid, PathId id) {
  const MapEntry& m = *maps_.Find(wwid);
  Status s = env_.dm.Message(m.map.name, "reinstate_path " + DevT(id));
  if (!s.ok()) {
    env_.log.Error(m.map.name + ": " + s.error().message);
    return false;
  }
  PathEntry& e = paths_.Mutable(id);
  e.dm_failed = false;
  env_.log.Notice(m.map.name + ": reinstate path " + e.path.dev + " (" + DevT(id) + ")");
  return true;
}

void Daemon::ApplyPathState(const std::string& wwid, PathId id, bool came_back) {
  if (!maps_.Contains(wwid) || !paths_.Contains(id)) return;
  const PathEntry& e = *paths_.Find(id);
  bool group_was_down = false;
  if (!DaemonUsable(e) && !e.dm_failed) {
    std::string why = e.wwid_changed ? "path wwid has changed, refusing to use it"
                      : !e.health.why.empty() && Usable(e.check.state) ? e.health.why
                      : e.check.message.empty()                        ? "checker failed"
                                                                       : e.check.message;
    FailPath(wwid, id, why);
  } else if (DaemonUsable(e) && e.dm_failed) {
    // followover: fail back only when this path brings its group back.
    const MapEntry& m = *maps_.Find(wwid);
    for (const PathGroup& g : m.map.groups) {
      if (std::find(g.paths.begin(), g.paths.end(), id) == g.paths.end()) continue;
      group_was_down = std::none_of(g.paths.begin(), g.paths.end(), [&](PathId o) {
        const PathEntry* pe = paths_.Find(o);
        return o != id && pe && DaemonUsable(*pe) && !pe->dm_failed;
      });
    }
    ReinstatePath(wwid, id);
  }
  // Group priorities follow the paths' states and priorities.
  {
    MapEntry& m = maps_.Mutable(wwid);
    PathSet ps = MapPaths(m);
    for (PathGroup& g : m.map.groups) g.priority = GroupPriority(g, ps);
  }
  UpdateQueueing(wwid);
  if (came_back || DaemonUsable(*paths_.Find(id))) Failback(wwid, group_was_down);
}

void Daemon::UpdateQueueing(const std::string& wwid) {
  const MapEntry& m = *maps_.Find(wwid);
  size_t usable = 0;
  for (const PathGroup& g : m.map.groups) {
    for (PathId id : g.paths) {
      const PathEntry* e = paths_.Find(id);
      usable += e && DaemonUsable(*e) && !e->dm_failed ? 1 : 0;
    }
  }
  const int64_t npr = m.policy.no_path_retry;
  if (usable == 0) {
    if (npr > 0 && m.queueing && m.retry_left < 0) {
      MapEntry& w = maps_.Mutable(wwid);
      w.retry_left = static_cast<int>(npr) * polling_interval_;
      env_.log.Notice(w.map.name + ": Entering recovery mode: max_retries=" + std::to_string(npr));
    }
    return;
  }
  if (m.retry_left >= 0) {
    maps_.Mutable(wwid).retry_left = -1;
    env_.log.Notice(m.map.name + ": Recovered to normal mode");
  }
  if (!m.queueing && npr != kNoPathRetryFail && !m.queueing_disabled) SetQueueing(wwid, true);
}

bool Daemon::SetQueueing(const std::string& wwid, bool on) {
  MapEntry& m = maps_.Mutable(wwid);
  Status s = env_.dm.Message(m.map.name, on ? "queue_if_no_path" : "fail_if_no_path");
  if (!s.ok()) {
    env_.log.Error(m.map.name + ": " + s.error().message);
    return false;
  }
  m.queueing = on;
  if (!on) m.retry_left = -1;
  env_.log.Info(m.map.name + (on ? ": queue_if_no_path enabled" : ": queue_if_no_path disabled"));
  return true;
}

void Daemon::Failback(const std::string& wwid, bool group_came_back, bool deferred_due) {
  const MapEntry& m = *maps_.Find(wwid);
  // The best group with a usable path (ties: the earlier one); groups of
  // marginal paths only when no other group has one, as the reference.
  unsigned best = 0;
  for (bool marginal : {false, true}) {
    int best_priority = -1;
    for (size_t g = 0; g < m.map.groups.size(); ++g) {
      const PathGroup& pg = m.map.groups[g];
      if (pg.marginal != marginal) continue;
      bool any = std::any_of(pg.paths.begin(), pg.paths.end(), [&](PathId id) {
        const PathEntry* e = paths_.Find(id);
        return e && DaemonUsable(*e) && !e->dm_failed;
      });
      if (any && pg.priority > best_priority) {
        best = static_cast<unsigned>(g + 1);
        best_priority = pg.priority;
      }
    }
    if (best != 0) break;
  }
  if (best == 0 || best == m.active_group) {
    if (m.failback_left >= 0) maps_.Mutable(wwid).failback_left = -1;
    return;
  }
  // The active group may have no usable path left: the kernel moves on by
  // itself, but switching now sends I/O to the best group at once.
  const int64_t fb = m.policy.failback;
  if (fb == kFailbackImmediate || (fb == kFailbackFollowover && group_came_back) ||
      (fb > 0 && deferred_due)) {
    SwitchGroup(wwid, best);
  } else if (fb > 0 && m.failback_left <= 0) {
    maps_.Mutable(wwid).failback_left = static_cast<int>(fb);  // deferred: N seconds
  }
}

bool Daemon::SwitchGroup(const std::string& wwid, unsigned group) {
  MapEntry& m = maps_.Mutable(wwid);
  Status s = env_.dm.Message(m.map.name, "switch_group " + std::to_string(group));
  if (!s.ok()) {
    env_.log.Error(m.map.name + ": " + s.error().message);
    return false;
  }
  m.active_group = group;
  ++m.switch_group;
  m.failback_left = -1;
  env_.log.Notice(m.map.name + ": switch to path group #" + std::to_string(group));
  return true;
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
  Status s = env_.dm.Reload(m.map.name, FormatTable(*table));
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

// --------------------------------------------------------------- uevents ---

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
  auto actions = PlanActions(*wanted, *current, false);
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

// -------------------------------------------------------------- commands ---

std::optional<PathId> Daemon::FindPath(const std::string& arg) const {
  if (auto id = PathId::Parse(arg); id && paths_.Contains(*id)) return id;
  std::string dev = StartsWith(arg, "/dev/") ? arg.substr(5) : arg;
  for (const auto& [id, e] : paths_.items()) {
    if (e->path.dev == dev) return id;
  }
  return std::nullopt;
}

std::optional<std::string> Daemon::FindMap(const std::string& arg) const {
  for (const auto& [wwid, m] : maps_.items()) {
    if (arg == m->map.name || arg == wwid || arg == "dm-" + std::to_string(m->info.minor) ||
        arg == m->info.DevT() || arg == "/dev/mapper/" + m->map.name) {
      return wwid;
    }
  }
  return std::nullopt;
}

// The key the prkeys file holds for a map whose reservation_key is "file"; a
// missing file is started (header only, mode 0600), as the reference does.
std::optional<StoredPrKey> Daemon::LoadPrKey(const MapEntry& m) {
  if (!m.config.reservation_key || !m.config.reservation_key->file) return std::nullopt;
  const std::string& file = env_.paths.prkeys_file;
  auto text = env_.files.Read(file);
  if (!text.ok()) {
    env_.log.Error(m.map.name + ": " + text.error().message);
    return std::nullopt;
  }
  if (!text->has_value()) {
    if (Status s = env_.files.WriteWithMode(file, PrKeysHeader(), 0600); !s.ok()) {
      env_.log.Error(s.error().message);
    } else {
      env_.log.Info("Initialized new file [" + file + "]");
    }
    return std::nullopt;
  }
  return FindPrKey(**text, m.map.wwid);
}

// setprkey, unsetprkey: the key goes to the prkeys file. As the reference,
// the file is written even for a map whose key comes from multipath.conf,
// and the command then fails (the map keeps the configured key).
bool Daemon::SetPrKey(const CliCommand& c) {
  auto wwid = FindPrMap(c.map);
  if (!wwid) return false;
  const std::string name = maps_.Find(*wwid)->map.name;
  std::optional<StoredPrKey> key;
  if (c.cmd == CliCmd::kSetPrKey) {
    std::optional<PrKey> k = ReadPrKey(c.key);
    if (!k || k->file) {
      env_.log.Error(name + ": invalid prkey : '" + c.key + "'");
      return false;
    }
    if (k->key != 0) key = StoredPrKey{k->key, k->aptpl};
  }
  env_.log.Info(name + ": " + (key ? "set" : "unset") + " persistent reservation key (operator)");
  const std::string& file = env_.paths.prkeys_file;
  auto text = env_.files.Read(file);
  if (!text.ok()) {
    env_.log.Error(name + ": " + text.error().message);
    return false;
  }
  std::string now = WithPrKey(text->value_or(""), *wwid, key);
  if (!text->has_value() || now != **text) {
    if (Status s = env_.files.WriteWithMode(file, now, 0600); !s.ok()) {
      env_.log.Error(name + ": " + s.error().message);
      return false;
    }
  }
  const std::optional<PrKey>& source = maps_.Find(*wwid)->config.reservation_key;
  if (!source || !source->file) return false;
  maps_.Mutable(*wwid).file_prkey = key;
  return true;
}

// The maps the persistent-reservation commands name: by alias or dm-N only,
// as the reference (a WWID is not found).
std::optional<std::string> Daemon::FindPrMap(const std::string& arg) const {
  const MapEntry* m = FindPrMapIn(maps_.items(), arg);
  if (m == nullptr) return std::nullopt;
  return m->map.wwid;
}

// setmarginal path, unsetmarginal path, unsetmarginal map: marks (clears) the
// marginal flag and reloads the map, as the reference (the grouping changes
// only with marginal_pathgroups on).
bool Daemon::SetMarginal(const CliCommand& c) {
  std::vector<PathId> targets;
  std::string wwid;
  if (c.cmd == CliCmd::kUnsetMarginalMap) {
    auto w = FindMap(c.map);
    if (!w) return false;
    wwid = *w;
    for (const PathGroup& g : maps_.Find(wwid)->map.groups) {
      targets.insert(targets.end(), g.paths.begin(), g.paths.end());
    }
  } else {
    auto id = FindPath(c.path);
    if (!id) return false;
    wwid = paths_.Find(*id)->map;
    if (wwid.empty() || !maps_.Contains(wwid)) return false;  // not in a map
    targets.push_back(*id);
  }
  const bool mark = c.cmd == CliCmd::kSetMarginalPath;
  for (PathId id : targets) {
    if (!paths_.Contains(id)) continue;
    PathEntry& e = paths_.Mutable(id);
    if (e.path.marginal != mark) {
      env_.log.Notice(e.path.dev + (mark ? ": marked marginal" : ": marginal mark cleared"));
    }
    e.path.marginal = mark;
  }
  std::vector<PathId> members;
  for (const PathGroup& g : maps_.Find(wwid)->map.groups) {
    members.insert(members.end(), g.paths.begin(), g.paths.end());
  }
  if (!ReloadMap(wwid, members).ok()) return false;
  Failback(wwid, false);
  return true;
}

std::string Daemon::Handle(const CliCommand& c) {
  static const std::string kOk = "ok\n";
  static const std::string kFail = "fail\n";
  std::string reply = kOk;
  auto path = [&]() { return FindPath(c.path); };
  auto map = [&]() { return FindMap(c.map); };
  switch (c.cmd) {
    case CliCmd::kFailPath: {
      auto id = path();
      if (!id) return kFail;
      PathEntry& e = paths_.Mutable(*id);
      e.check.state = PathState::kDown;
      e.check.message = "failed by command";
      if (!e.map.empty() && !e.dm_failed) {
        if (!FailPath(e.map, *id, "by command")) reply = kFail;
      }
      if (!paths_.Find(*id)->map.empty()) UpdateQueueing(paths_.Find(*id)->map);
      break;
    }
    case CliCmd::kReinstatePath: {
      auto id = path();
      if (!id) return kFail;
      PathEntry& e = paths_.Mutable(*id);
      e.check.state = PathState::kUp;
      e.check.message.clear();
      if (!e.map.empty() && e.dm_failed) {
        if (!ReinstatePath(e.map, *id)) reply = kFail;
      }
      if (!paths_.Find(*id)->map.empty()) UpdateQueueing(paths_.Find(*id)->map);
      break;
    }
    case CliCmd::kSwitchGroup: {
      auto wwid = map();
      auto group = ParseU64(c.group);
      if (!wwid || !group || *group == 0 || *group > maps_.Find(*wwid)->map.groups.size()) {
        return kFail;
      }
      if (!SwitchGroup(*wwid, static_cast<unsigned>(*group))) reply = kFail;
      break;
    }
    case CliCmd::kDisableQueueingMap:
    case CliCmd::kRestoreQueueingMap:
    case CliCmd::kDisableQueueingMaps:
    case CliCmd::kRestoreQueueingMaps: {
      const bool restore =
          c.cmd == CliCmd::kRestoreQueueingMap || c.cmd == CliCmd::kRestoreQueueingMaps;
      std::vector<std::string> targets;
      if (c.cmd == CliCmd::kDisableQueueingMap || c.cmd == CliCmd::kRestoreQueueingMap) {
        auto wwid = map();
        if (!wwid) return kFail;
        targets.push_back(*wwid);
      } else {
        for (const auto& [wwid, m] : maps_.items()) targets.push_back(wwid);
      }
      for (const std::string& wwid : targets) {
        MapEntry& m = maps_.Mutable(wwid);
        m.queueing_disabled = !restore;
        if (!restore) {
          m.retry_left = -1;
          if (m.queueing && !SetQueueing(wwid, false)) reply = kFail;
        } else if (m.policy.no_path_retry != kNoPathRetryFail && !m.queueing) {
          if (!SetQueueing(wwid, true)) reply = kFail;
        }
      }
      break;
    }
    case CliCmd::kSuspendMap:
    case CliCmd::kResumeMap: {
      auto wwid = map();
      if (!wwid) return kFail;
      const std::string& name = maps_.Find(*wwid)->map.name;
      Status s = c.cmd == CliCmd::kSuspendMap ? env_.dm.Suspend(name) : env_.dm.Resume(name);
      if (!s.ok()) {
        env_.log.Error(name + ": " + s.error().message);
        return kFail;
      }
      if (auto info = env_.dm.Info(name); info.ok()) maps_.Mutable(*wwid).info = *info;
      break;
    }
    case CliCmd::kReloadMap:
    case CliCmd::kResizeMap: {
      auto wwid = map();
      if (!wwid) return kFail;
      std::vector<PathId> members;
      for (const PathGroup& g : maps_.Find(*wwid)->map.groups) {
        members.insert(members.end(), g.paths.begin(), g.paths.end());
      }
      if (c.cmd == CliCmd::kResizeMap) {
        for (PathId id : members) {
          PathEntry& e = paths_.Mutable(id);
          auto size = env_.sysfs.Read("block/" + e.path.dev + "/size");
          if (size.ok()) {
            if (auto n = ParseU64(Trim(*size))) e.path.size_sectors = *n;
          }
        }
      }
      if (!ReloadMap(*wwid, members).ok()) return kFail;
      break;
    }
    case CliCmd::kResetMap:
      if (!map()) return kFail;
      break;
    case CliCmd::kResetMapStats:
    case CliCmd::kResetMapsStats: {
      std::vector<std::string> targets;
      if (c.cmd == CliCmd::kResetMapStats) {
        auto wwid = map();
        if (!wwid) return kFail;
        targets.push_back(*wwid);
      } else {
        for (const auto& [wwid, m] : maps_.items()) targets.push_back(wwid);
      }
      for (const std::string& wwid : targets) {
        MapEntry& m = maps_.Mutable(wwid);
        m.path_faults = m.switch_group = m.map_loads = m.total_queue_seconds = m.queue_timeouts = 0;
      }
      break;
    }
    case CliCmd::kAddPath: {
      std::string dev = StartsWith(c.path, "/dev/") ? c.path.substr(5) : c.path;
      if (!env_.sysfs.Exists("block/" + dev)) return kFail;
      AddPath(dev);
      break;
    }
    case CliCmd::kDelPath: {
      auto id = path();
      if (!id) return kFail;
      RemovePath(*id);
      break;
    }
    case CliCmd::kAddMap: {
      if (map()) break;  // already monitored
      Status s = Reconfigure(false);
      if (!s.ok() || !map()) return kFail;
      break;
    }
    case CliCmd::kDelMap:
    case CliCmd::kDelMaps: {
      std::vector<std::string> targets;
      if (c.cmd == CliCmd::kDelMap) {
        auto wwid = map();
        if (!wwid) return kFail;
        targets.push_back(*wwid);
      } else {
        for (const auto& [wwid, m] : maps_.items()) targets.push_back(wwid);
      }
      for (const std::string& wwid : targets) {
        const std::string name = maps_.Find(wwid)->map.name;
        Status s = RemoveUnusedMap(env_.dm, env_.clock, name, 0);
        if (!s.ok()) {
          env_.log.Error(s.error().message);
          reply = kFail;
          continue;
        }
        ForgetMap(wwid);
      }
      break;
    }
    case CliCmd::kReconfigure:
    case CliCmd::kReconfigureAll:
      configuring_ = true;
      Publish();  // readers see "configure" meanwhile
      if (!Reconfigure(c.cmd == CliCmd::kReconfigureAll).ok()) reply = kFail;
      configuring_ = false;
      break;
    case CliCmd::kForceQueueingDaemon:
      force_queueing_ = true;
      break;
    case CliCmd::kRestoreQueueingDaemon:
      force_queueing_ = false;
      break;
    case CliCmd::kShutdown:
      stop_requested_ = true;
      break;
    case CliCmd::kQuit:
      break;
    case CliCmd::kSetPrStatus:
    case CliCmd::kUnsetPrStatus: {
      auto wwid = FindPrMap(c.map);
      if (!wwid) return kFail;
      const bool set = c.cmd == CliCmd::kSetPrStatus;
      if (maps_.Find(*wwid)->prflag != set) {
        MapEntry& m = maps_.Mutable(*wwid);
        m.prflag = set;
        env_.log.Notice(m.map.name + (set ? ": prflag set" : ": prflag unset"));
      }
      break;
    }
    case CliCmd::kSetPrKey:
    case CliCmd::kUnsetPrKey:
      if (!SetPrKey(c)) reply = kFail;
      break;
    case CliCmd::kSetMarginalPath:
    case CliCmd::kUnsetMarginalPath:
    case CliCmd::kUnsetMarginalMap:
      if (!SetMarginal(c)) reply = kFail;
      break;
    default:
      Publish();
      return RenderShow(*snapshot(), c, env_.sysfs);
  }
  Publish();
  return reply;
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
