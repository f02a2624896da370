// What multipathd knows: every monitored path with its checker's state, and
// every multipath map with its groups, queueing and statistics. One writer
// (the event loop) changes it; readers get a Snapshot.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "checker/checker.h"
#include "daemon/cow_table.h"
#include "daemon/path_health.h"
#include "engine/map_config.h"
#include "engine/setup.h"
#include "kernel/clock.h"
#include "model/dm_map_info.h"
#include "model/dm_table.h"
#include "model/multipath_map.h"
#include "model/path.h"
#include "state/prkeys.h"

namespace mpx {

// The path checker's bookkeeping for one path.
struct PathCheck {
  PathState state = PathState::kUndef;  // the last completed check's verdict
  std::string message;                  // why it is not up
  bool pending = false;                 // a check is running
  MonoTime started{};                   // of the running (or last) check
  MonoTime next{};                      // when the next check is due
  int interval = 0;                     // seconds between checks now
  MonoTime last_duration{};             // how long the last check took
  uint64_t checks = 0;                  // completed checks
  uint64_t failures = 0;                // checks that found it not usable
  uint64_t timeouts = 0;                // checks that exceeded checker_timeout
  // The sysfs prioritizer's access_state is read again on a tick after the
  // check (from `done`): the kernel refreshes it a moment after the check's
  // command met the unit attention of an ALUA change.
  bool reread_access_state = false;
  MonoTime done{};  // when the last check completed
};

struct PathEntry {
  Path path;  // identity and attributes; checker_state/priority as last checked
  PathCheck check;
  std::string map;  // WWID of the map that holds it, "" for none
  // The kernel's view in that map: true after fail_path (or a failure the
  // kernel reported), false while active.
  bool dm_failed = false;
  PathHealth health;  // shaky-path accounting (san_path_err_*, marginal_path_*)
  // The WWID it reports now is not the one it had (checked on change
  // uevents): it is failed and never reinstated until it reports it again.
  bool wwid_changed = false;
  // What its checker keeps between checks (emc_clariion's WWN).
  std::shared_ptr<CheckerMemory> checker_memory = std::make_shared<CheckerMemory>();
};

// Usable for I/O as the daemon decides: the checker says up or ghost, and
// the path is neither held back as shaky nor of a changed WWID.
inline bool DaemonUsable(const PathEntry& e) {
  return (e.check.state == PathState::kUp || e.check.state == PathState::kGhost) &&
         !e.health.held && !e.health.sampling && !e.wwid_changed;
}

// What the daemon does with one map, resolved from multipath.conf.
struct MapPolicy {
  int64_t failback = kFailbackManual;        // or seconds (deferred)
  int64_t no_path_retry = kNoPathRetryFail;  // N checker intervals, queue or fail
  bool no_path_retry_set = false;            // configured (show maps: "off" rather than "-")
  bool flush_on_last_del = false;
  // deferred_remove: a map flushed while open goes when its last user closes it.
  bool deferred_remove = false;
  // recheck_wwid: a path coming back is asked its WWID again (SG_IO VPD 0x83).
  bool recheck_wwid = false;
  ShakyPolicy shaky;
};

struct MapEntry {
  MultipathMap map;  // name, wwid, identity, groups (PathIds) in kernel order
  DmMapInfo info;
  DmTable table;     // as loaded
  MapConfig config;  // the table's settings
  MapPolicy policy;
  unsigned active_group = 1;  // 1-based, as switch_group counts
  std::string action;         // what the daemon last did: "create", "reload", ""
  // Queueing with no usable path: queue_if_no_path set in the kernel now,
  // and the seconds left before it is dropped (no_path_retry N; -1: no
  // countdown running).
  bool queueing = false;
  int retry_left = -1;
  bool queueing_disabled = false;  // disablequeueing: stays off until restored
  int failback_left = -1;          // deferred failback: seconds left
  int ghost_delay_left = -1;       // ghost_delay: seconds left waiting for an active path
  // A path's priority changed (group_by_prio, failback immediate): the other
  // paths are checked again and the map is regrouped once every path's
  // check, and its second look at access_state, is done.
  bool regroup_pending = false;
  // Persistent reservations (mpathpersist's commands): the map's paths are
  // registered (setprstatus), and the key stored for it in the prkeys file
  // when its reservation_key is "file".
  bool prflag = false;
  std::optional<StoredPrKey> file_prkey;
  // Statistics (show maps stats).
  uint64_t path_faults = 0;
  uint64_t switch_group = 0;
  uint64_t map_loads = 0;
  uint64_t total_queue_seconds = 0;
  uint64_t queue_timeouts = 0;
};

// A consistent view for readers: the tables as they were at one moment.
// The map that `arg` names by alias or "dm-N", as the persistent-reservation
// commands look maps up (not by WWID); null when none.
inline const MapEntry* FindPrMapIn(
    const std::vector<std::pair<std::string, std::shared_ptr<const MapEntry>>>& maps,
    const std::string& arg) {
  for (const auto& [wwid, m] : maps) {
    if (arg == m->map.name || arg == "dm-" + std::to_string(m->info.minor)) return m.get();
  }
  return nullptr;
}

struct Snapshot {
  std::vector<std::pair<PathId, std::shared_ptr<const PathEntry>>> paths;
  std::vector<std::pair<std::string, std::shared_ptr<const MapEntry>>> maps;
  MonoTime taken{};
  int polling_interval = 5;
  int max_polling_interval = 20;
  bool reconfiguring = false;
  uint64_t uevents = 0;
  std::shared_ptr<const Setup> setup;  // the configuration in use (null before Start)

  // The map of `wwid`, or null; an index built on first use, so that shows
  // stay linear in the paths (safe from several readers at once).
  const MapEntry* FindMap(const std::string& wwid) const {
    std::call_once(index_once_, [this] {
      for (const auto& [w, m] : maps) index_.emplace(w, m.get());
    });
    auto it = index_.find(wwid);
    return it == index_.end() ? nullptr : it->second;
  }

 private:
  mutable std::once_flag index_once_;
  mutable std::unordered_map<std::string, const MapEntry*> index_;
};

}  // namespace mpx
