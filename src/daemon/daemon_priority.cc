// Daemon: path priorities and ALUA regrouping (a path's priority changed,
// access_state read again, the map regrouped once its paths settled).
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

}  // namespace mpx
