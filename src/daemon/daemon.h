// Daemon: multipathd's state and decisions, driven by events. Single
// threaded: the event loop calls it for each timer tick, uevent, finished
// check and control command, one at a time; blocking work goes to a Worker.
// Readers (the control socket's thread) take snapshot(), which never waits
// for the writer.
//
// What it does, as the reference's multipathd:
//   - at Start and on reconfigure: the same steps as `multipath` (engine/),
//     with queueing kept (the daemon watches the maps), then every path of a
//     map monitored;
//   - every second (Tick): starts the checks that are due, counts down
//     no_path_retry and deferred failback;
//   - a check's verdict: fail_path / reinstate_path, group priorities,
//     failback per `failback`, queueing per `no_path_retry`; the interval
//     grows while a path stays healthy, up to max_polling_interval, and is
//     reset on a change;
//   - uevents: a new path joins its map (or a new map is made, per
//     find_multipaths), a removed path leaves it, a map removed by others is
//     forgotten, the kernel's PATH_FAILED is rechecked at once;
//   - commands (fail path, switchgroup, disablequeueing, ...).
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "daemon/cli_command.h"
#include "daemon/cow_table.h"
#include "daemon/state.h"
#include "daemon/worker.h"
#include "engine/env.h"
#include "engine/setup.h"
#include "model/uevent.h"
#include "plan/plan.h"

namespace mpx {

struct DaemonOptions {
  bool bindings_read_only = false;  // -B
  // The verbosity the daemon runs at (-v, else the configuration's): the
  // configuration's verbosity as show config prints it, as the reference.
  std::optional<int> verbosity;
  // Called with each configuration read (at start, before any path is
  // opened, and at each reconfigure): max_fds, which the service applies to
  // the process.
  std::function<void(const Config&)> on_config;
};

class Daemon {
 public:
  Daemon(Env& env, Worker& worker, DaemonOptions options = {});

  // Reads the configuration, finds the paths, creates or reloads the maps
  // and starts monitoring. An error (no device-mapper, a configuration the
  // reference refuses) means the daemon cannot run.
  Status Start();
  // Once a second.
  void Tick();
  void OnUevent(const Uevent& event);
  // A command from the control socket; the reply text ("ok\n", "fail\n...",
  // or what a show command prints).
  std::string Handle(const CliCommand& command);

  // The state as of the last change; safe from any thread.
  std::shared_ptr<const Snapshot> snapshot() const;
  // `shutdown` was asked for.
  bool stop_requested() const { return stop_requested_; }
  // Before exiting: without queue_without_daemon (or forcequeueing), maps
  // stop queueing so that I/O does not hang with nobody to restore a path.
  void Shutdown();

  // Seconds between checks of a path that stays healthy, and the first.
  int polling_interval() const { return polling_interval_; }
  int max_polling_interval() const { return max_polling_interval_; }

 private:
  struct CheckDone;

  Status Reconfigure(bool reload_all);
  void AdoptMap(const WantedMap& wanted, const MapConfig& config, const PathSet& paths);
  void SyncFromKernel(const std::string& wwid);
  void StartCheck(PathId id);
  void OnCheckDone(const CheckDone& result);
  // recheck_wwid's answer: a path reporting another WWID is failed and kept
  // out until it reports its own again.
  void NoteFreshWwid(PathEntry& e, const std::string& wwid);
  // ghost_delay over (timed out, or a path is up): a reload lets udev scan.
  void EndGhostDelay(const std::string& wwid);
  size_t OthersUsable(const std::string& wwid, PathId id) const;
  void StartSample(PathId id);
  void OnSampleDone(PathId id, uint64_t errors, uint64_t reads);
  void ApplyPathState(const std::string& wwid, PathId id, bool came_back);
  void UpdateQueueing(const std::string& wwid);
  // Switches to the best group per `failback`; `deferred_due`: a deferred
  // failback's time has come.
  void Failback(const std::string& wwid, bool group_came_back, bool deferred_due = false);
  bool SwitchGroup(const std::string& wwid, unsigned group);
  bool SetQueueing(const std::string& wwid, bool on);
  Status ReloadMap(const std::string& wwid, const std::vector<PathId>& members);
  void RemovePath(PathId id);
  void RecheckPath(PathId id);
  void RefreshSysfsPriorities(const std::string& wwid, PathId changed);
  void OnPriorityChanged(const std::string& wwid, PathId id);
  void RegroupWhenSettled(const std::string& wwid);
  bool SetMarginal(const CliCommand& c);
  bool SetPrKey(const CliCommand& c);
  std::optional<StoredPrKey> LoadPrKey(const MapEntry& m);
  void RereadAccessStates(MonoTime now);
  bool RereadAccessState(PathId id);
  void ResizeMapIfAllAgree(const std::string& wwid);
  void AddPath(const std::string& dev);
  void IntegratePath(const Path& path);
  void ForgetMap(const std::string& wwid);
  bool FailPath(const std::string& wwid, PathId id, const std::string& why);
  bool ReinstatePath(const std::string& wwid, PathId id);

  // Lookups for commands: a path by kernel name or maj:min, a map by name,
  // WWID, dm-N or maj:min.
  std::optional<PathId> FindPath(const std::string& arg) const;
  std::optional<std::string> FindMap(const std::string& arg) const;
  std::optional<std::string> FindPrMap(const std::string& arg) const;
  // The paths of a map as a PathSet (for the policy functions).
  PathSet MapPaths(const MapEntry& m) const;
  MapPolicy ResolvePolicy(const Path& first, const std::string& wwid) const;
  void Publish();

  Env& env_;
  Worker& worker_;
  DaemonOptions options_;
  std::shared_ptr<const Setup> setup_;
  int polling_interval_ = 5;
  int max_polling_interval_ = 20;
  bool force_queueing_ = false;  // forcequeueing daemon
  bool queue_without_daemon_ = false;
  // log_checker_err once: a path that stays down logs its checker's message
  // at -v3 after the first time (always: at -v2 each check), as the reference.
  bool log_checker_err_once_ = false;
  bool configuring_ = true;    // until Start is through, and during a reconfigure
  size_t checks_running_ = 0;  // started and not done (hung ones included)
  MonoTime published_{};       // when the last snapshot was made
  bool stop_requested_ = false;
  uint64_t uevents_ = 0;

  CowTable<PathId, PathEntry> paths_;
  CowTable<std::string, MapEntry> maps_;  // by WWID

  mutable std::mutex snapshot_mu_;
  std::shared_ptr<const Snapshot> snapshot_;
};

}  // namespace mpx
