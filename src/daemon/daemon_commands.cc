// Daemon: the control socket's commands that change something (the show
// commands render a snapshot: show.cc).
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
  // The map the command names (`one`), or every map; nullopt: no such map.
  auto maps_named = [&](bool one) -> std::optional<std::vector<std::string>> {
    std::vector<std::string> out;
    if (one) {
      auto wwid = map();
      if (!wwid) return std::nullopt;
      out.push_back(*wwid);
    } else {
      for (const auto& [wwid, m] : maps_.items()) out.push_back(wwid);
    }
    return out;
  };
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
      auto targets = maps_named(c.cmd == CliCmd::kResetMapStats);
      if (!targets) return kFail;
      for (const std::string& wwid : *targets) {
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
      auto targets = maps_named(c.cmd == CliCmd::kDelMap);
      if (!targets) return kFail;
      for (const std::string& wwid : *targets) {
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

}  // namespace mpx
