#include "engine/path_tuning.h"

#include <algorithm>
#include <string_view>

#include "base/strings.h"
#include "config/resolve.h"
#include "model/settings.h"

namespace mpx {
namespace {

constexpr int64_t kFcDevLossWithoutFastIoFail = 600;  // the FC transport's limit then

std::string TmoText(int64_t v) { return v == kTmoOff ? "off" : std::to_string(v); }

// The sysfs path's segment that starts with `prefix` ("rport-", "session",
// "end_device-"), "" when there is none.
std::string Segment(std::string_view path, std::string_view prefix) {
  size_t at = path.find("/" + std::string(prefix));
  if (at == std::string_view::npos) return "";
  std::string_view rest = path.substr(at + 1);
  return std::string(rest.substr(0, rest.find('/')));
}

void WriteAttr(const Env& env, const Path& p, const std::string& file, const std::string& value) {
  if (Status s = env.sysfs.Write(file, value); !s.ok()) {
    env.log.Warning("warning: " + p.dev + ": cannot set " + file + " to " + value + ": " +
                    s.error().message);
    return;
  }
  env.log.Info(p.dev + ": " + file + " = " + value);
}

void SetTimeouts(const Env& env, const Path& p, const PathTimeouts& t) {
  const std::string proto = ProtocolName(p);
  if (proto != "scsi:fcp" && proto != "scsi:iscsi" && proto != "scsi:sas") {
    env.log.Notice(p.dev + ": setting scsi timeouts is unsupported for protocol " + proto);
    return;
  }
  for (const std::string& n : t.notes) env.log.Info(p.dev + ": " + n);
  if (t.eh_deadline) {
    WriteAttr(env, p, "class/scsi_host/host" + std::to_string(p.hctl.host) + "/eh_deadline",
              TmoText(*t.eh_deadline));
  }
  if (proto == "scsi:fcp") {
    const std::string rport = Segment(p.sysfs_path, "rport-");
    if (rport.empty()) {
      env.log.Warning("warning: " + p.dev + ": no FC remote port found in " + p.sysfs_path);
      return;
    }
    const std::string dir = "class/fc_remote_ports/" + rport + "/";
    std::optional<int64_t> dev_loss = t.dev_loss;
    const bool fast_io_fail_on = t.fast_io_fail && *t.fast_io_fail != kTmoOff;
    if (dev_loss && *dev_loss > kFcDevLossWithoutFastIoFail && !fast_io_fail_on) {
      env.log.Info(p.dev + ": limiting dev_loss_tmo to 600, since fast_io_fail_tmo is not set");
      dev_loss = kFcDevLossWithoutFastIoFail;
    }
    // The kernel refuses a fast_io_fail_tmo not below the current
    // dev_loss_tmo: raise dev_loss_tmo first when it is in the way.
    if (fast_io_fail_on) {
      auto current = env.sysfs.Read(dir + "dev_loss_tmo");
      auto now = current.ok() ? ParseU64(Trim(*current)) : std::nullopt;
      if (now && static_cast<uint64_t>(*t.fast_io_fail) >= *now) {
        WriteAttr(env, p, dir + "dev_loss_tmo", std::to_string(*t.fast_io_fail + 1));
      }
    }
    if (t.fast_io_fail) WriteAttr(env, p, dir + "fast_io_fail_tmo", TmoText(*t.fast_io_fail));
    if (dev_loss) WriteAttr(env, p, dir + "dev_loss_tmo", std::to_string(*dev_loss));
  } else if (proto == "scsi:sas") {
    const std::string end = Segment(p.sysfs_path, "end_device-");
    if (t.dev_loss && !end.empty()) {
      WriteAttr(env, p, "class/sas_end_device/" + end + "/I_T_nexus_loss_timeout",
                std::to_string(*t.dev_loss));
    }
  } else {  // iSCSI: the session's recovery timeout is its fast_io_fail
    const std::string session = Segment(p.sysfs_path, "session");
    if (t.dev_loss) env.log.Info(p.dev + ": dev_loss_tmo cannot be set on iSCSI");
    if (t.fast_io_fail && *t.fast_io_fail == kTmoOff) {
      env.log.Info(p.dev + ": fast_io_fail_tmo cannot be turned off on iSCSI");
    } else if (t.fast_io_fail && !session.empty()) {
      WriteAttr(env, p, "class/iscsi_session/" + session + "/recovery_tmo",
                std::to_string(*t.fast_io_fail));
    }
  }
}

// queue/max_sectors_kb of the dm device named `name`; nullopt when not found.
std::optional<std::string> MapMaxSectors(const Sysfs& fs, const std::string& name) {
  auto devs = fs.List("block");
  if (!devs.ok()) return std::nullopt;
  for (const std::string& d : *devs) {
    if (d.rfind("dm-", 0) != 0) continue;
    auto n = fs.Read("block/" + d + "/dm/name");
    if (!n.ok() || Trim(*n) != name) continue;
    auto kb = fs.Read("block/" + d + "/queue/max_sectors_kb");
    if (kb.ok() && ParseU64(Trim(*kb))) return std::string(Trim(*kb));
    return std::nullopt;
  }
  return std::nullopt;
}

// queue/max_sectors_kb of every path of a map created (the configured
// value) or reloaded (the map's current value).
void SetMaxSectors(const Env& env, const Config& config, const WantedMap& w, const PathSet& paths,
                   const MapAction& a) {
  const Path* first = nullptr;
  for (const PathGroup& g : w.map.groups) {
    if (!g.paths.empty() && first == nullptr) first = paths.Find(g.paths.front());
  }
  if (first == nullptr) return;
  Selection sel(config,
                DeviceIdentity{first->vendor, first->model, first->rev, ProtocolName(*first)},
                w.map.wwid);
  auto kb = sel.Find(Opt::kMaxSectorsKb);
  if (!kb || kb->number() <= 0) return;
  std::string value = std::to_string(kb->number());
  if (a.kind != ActionKind::kCreate) {
    // The map's own limit: a path joining it may not exceed it.
    if (auto own = MapMaxSectors(env.sysfs, a.current_name)) value = *own;
  }
  for (const PathGroup& g : w.map.groups) {
    for (PathId id : g.paths) {
      if (const Path* p = paths.Find(id)) {
        WriteAttr(env, *p, "block/" + p->dev + "/queue/max_sectors_kb", value);
      }
    }
  }
}

}  // namespace

PathTimeouts ResolveTimeouts(const Config& config, const Path& path, const std::string& wwid) {
  PathTimeouts t;
  Selection sel(config, DeviceIdentity{path.vendor, path.model, path.rev, ProtocolName(path)},
                wwid);
  if (auto v = sel.Find(Opt::kFastIoFailTmo)) t.fast_io_fail = v->number();
  if (auto v = sel.Find(Opt::kDevLossTmo); v && v->number() > 0) t.dev_loss = v->number();
  if (auto v = sel.Find(Opt::kEhDeadline)) t.eh_deadline = v->number();
  // no_path_retry: the paths must outlive the retries.
  if (const std::optional<int64_t> retry = RetrySeconds(config, sel)) {
    const int64_t cover = std::min(*retry, kDevLossInfinity);
    if (!t.dev_loss || cover > *t.dev_loss) {
      if (t.dev_loss) {
        t.notes.push_back("dev_loss_tmo " + std::to_string(cover) + " instead of " +
                          std::to_string(*t.dev_loss) + ", to cover no_path_retry");
      }
      t.dev_loss = cover;
    }
  } else if (sel.Get(Opt::kNoPathRetry).number() == kNoPathRetryQueue) {
    t.dev_loss = kDevLossInfinity;
  }
  if (t.dev_loss && t.fast_io_fail && *t.fast_io_fail != kTmoOff &&
      *t.fast_io_fail >= *t.dev_loss) {
    t.notes.push_back("turning off fast_io_fail (" + std::to_string(*t.fast_io_fail) +
                      " is not smaller than dev_loss_tmo)");
    t.fast_io_fail = kTmoOff;
  }
  return t;
}

void TunePaths(const Env& env, const Config& config, const std::vector<MapAction>& actions,
               const std::vector<WantedMap>& wanted, const PathSet& paths, bool dry_run) {
  if (dry_run) return;
  for (const MapAction& a : actions) {
    const bool loads = a.kind == ActionKind::kCreate || a.kind == ActionKind::kReload ||
                       a.kind == ActionKind::kRenameReload;
    if (!loads || a.wanted >= wanted.size()) continue;
    const WantedMap& w = wanted[a.wanted];
    for (const PathGroup& g : w.map.groups) {
      for (PathId id : g.paths) {
        const Path* p = paths.Find(id);
        if (p == nullptr) continue;
        PathTimeouts t = ResolveTimeouts(config, *p, w.map.wwid);
        if (t.any()) SetTimeouts(env, *p, t);
      }
    }
    SetMaxSectors(env, config, w, paths, a);
  }
}

}  // namespace mpx
