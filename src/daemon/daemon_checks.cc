// The daemon's path checks: scheduling them on the tick, their results,
// failing and reinstating paths in the kernel, queueing (no_path_retry),
// failback and group switches.
#include <algorithm>
#include <cerrno>
#include <set>
#include <utility>

#include "base/strings.h"
#include "config/resolve.h"
#include "daemon/daemon.h"
#include "daemon/daemon_util.h"
#include "discovery/discover.h"
#include "engine/check.h"
#include "policy/dm_table.h"

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

}  // namespace mpx
