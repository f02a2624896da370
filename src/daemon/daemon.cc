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

struct Daemon::CheckDone {
  PathId id;
  Path path;  // the checked copy: checker state, priority, sysfs state
  MonoTime duration{};
  // recheck_wwid: what the device says its WWID is now (nullopt: not asked,
  // or it did not answer).
  std::optional<std::string> fresh_wwid;
};

namespace {

// The WWID a path's device reports now, asked over SG_IO (sysfs and udev
// still have the old one), as the reference's recheck_wwid.
std::optional<std::string> WwidFromDevice(const Env& env, const Path& p) {
  const WwidEnv wenv{env.sysfs, env.udev, env.scsi, ""};
  auto w = DetermineWwid(wenv, p, std::nullopt, std::nullopt);
  if (!w.ok() || w->source != "SG_IO VPD 0x83") return std::nullopt;
  return w->wwid;
}

}  // namespace

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
    if (maps_.Find(wwid)->ghost_delay_left <= 0) continue;
    if (--maps_.Mutable(wwid).ghost_delay_left == 0) {
      env_.log.Notice(maps_.Find(wwid)->map.name + ": timed out waiting for active path");
      EndGhostDelay(wwid);
    }
  }
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
  bool recheck_wwid = false;
  if (const MapEntry* m = e.map.empty() ? nullptr : maps_.Find(e.map)) {
    config = m->config;
    recheck_wwid =
        m->policy.recheck_wwid && (!Usable(e.check.state) || e.dm_failed || e.wwid_changed);
  } else {
    config = ResolveMapConfig(setup_->config(), e.path, e.path.wwid);
  }
  auto result = std::make_shared<CheckDone>();
  result->id = id;
  result->path = e.path;
  Env& env = env_;
  std::shared_ptr<CheckerMemory> memory = e.checker_memory;
  worker_.Run(
      [result, config, memory, recheck_wwid, &env] {
        Path& p = result->path;
        const std::string d = "block/" + p.dev + "/device/";
        auto state = env.sysfs.Read(d + "state");
        p.sysfs_state = state.ok() ? std::string(Trim(*state)) : "gone";
        if (auto access = env.sysfs.Read(d + "access_state"); access.ok()) {
          p.alua_state = std::string(Trim(*access));
        }
        MonoTime start = env.clock.Now();
        CheckPath(CheckIo{env.scsi, &env.sysfs, &env.udev}, config, p, memory.get());
        if (recheck_wwid && Usable(p.checker_state)) result->fresh_wwid = WwidFromDevice(env, p);
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
  } else if (after == PathState::kDown && !e.check.message.empty()) {
    // Still down: the checker's word again, as the reference's log_checker_err.
    const std::string& msg = e.check.message;
    env_.log.Log(log_checker_err_once_ ? LogLevel::kInfo : LogLevel::kNotice,
                 msg.starts_with(e.path.dev + ": ") ? msg : e.path.dev + ": " + msg);
  }
  bool wwid_back = false;
  if (r.fresh_wwid) {
    const bool was_changed = e.wwid_changed;
    NoteFreshWwid(e, *r.fresh_wwid);
    wwid_back = was_changed && !e.wwid_changed;
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
  if (!wwid.empty() && after == PathState::kUp && maps_.Contains(wwid) &&
      maps_.Find(wwid)->ghost_delay_left > 0) {
    env_.log.Notice(maps_.Find(wwid)->map.name + ": " + e.path.dev + " is up, ghost delay ends");
    EndGhostDelay(wwid);
  }
  if (!wwid.empty()) {
    ApplyPathState(wwid, r.id, (!Usable(before) && Usable(after)) || wwid_back);
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

void Daemon::EndGhostDelay(const std::string& wwid) {
  MapEntry& m = maps_.Mutable(wwid);
  m.ghost_delay_left = -1;
  std::vector<PathId> members;
  for (const PathGroup& g : m.map.groups)
    members.insert(members.end(), g.paths.begin(), g.paths.end());
  (void)ReloadMap(wwid, members);  // udev scans it now
}

void Daemon::NoteFreshWwid(PathEntry& e, const std::string& wwid) {
  const bool changed = wwid != e.path.wwid;
  if (changed && !e.wwid_changed) {
    env_.log.Error(e.path.dev + ": wwid '" + e.path.wwid + "' doesn't match wwid '" + wwid +
                   "' from device");
    env_.log.Error(e.path.dev + ": path wwid change detected: failing it");
  } else if (!changed && e.wwid_changed) {
    env_.log.Notice(e.path.dev + ": path wwid is '" + wwid + "' again");
  }
  e.wwid_changed = changed;
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
