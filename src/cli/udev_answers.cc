#include "cli/udev_answers.h"

#include <cerrno>
#include <cstdint>
#include <cstdlib>

#include "base/strings.h"
#include "config/resolve.h"
#include "discovery/discover.h"
#include "engine/device_arg.h"
#include "engine/dm_unavailable.h"
#include "engine/setup.h"
#include "engine/state_files.h"
#include "policy/dm_table.h"
#include "policy/path_validity.h"

namespace mpx {
namespace {

std::string Var(const UeventEnv& uevent, const std::string& key) {
  auto it = uevent.find(key);
  return it == uevent.end() ? "" : it->second;
}

// The block device a udev event is about: DEVNAME, else DEVPATH, else
// MAJOR:MINOR; "" when the environment names none.
std::string EventDevice(const UeventEnv& uevent) {
  if (std::string n = Var(uevent, "DEVNAME"); !n.empty()) {
    return StartsWith(n, "/dev/") ? n.substr(5) : n;
  }
  if (std::string p = Var(uevent, "DEVPATH"); !p.empty()) return p.substr(p.rfind('/') + 1);
  if (std::string ma = Var(uevent, "MAJOR"), mi = Var(uevent, "MINOR");
      !ma.empty() && !mi.empty()) {
    return ma + ":" + mi;
  }
  return "";
}

// The device -c or -u asks about, as a sysfs block name.
Result<std::string> AskedDevice(const ValidPathRequest& o, const Env& ctx) {
  const bool uevent = o.from_uevent;
  std::string dev = uevent ? EventDevice(o.uevent) : "";
  if (dev.empty()) {
    if (o.devices.empty()) return MakeError("-c needs a path device (/dev/sdX or MAJ:MIN)", EINVAL);
    dev = o.devices.front();
  }
  DeviceArg a = ClassifyDeviceArg(dev);
  if (a.kind == DeviceArgKind::kOther) {
    // udev hands -u the kernel name ("sdb"); -c wants a node or number.
    if (!uevent)
      return MakeError("-c needs a path device (/dev/sdX or MAJ:MIN), not \"" + dev + "\"", EINVAL);
    a = {DeviceArgKind::kDevNode, "/dev/" + dev};
  }
  return BlockName(ctx.sysfs, ctx.files, a);
}

std::string RecordPath(const Env& ctx, const Path& p) {
  return ctx.paths.find_multipaths_dir + "/" + p.DevT();
}

// find_multipaths smart, a single path: wait for siblings (a record per
// device number keeps the end of the wait across udev events).
SmartWait SmartWaitFor(const Path& p, int64_t timeout, const UeventEnv& uevent, Env& ctx) {
  std::optional<double> recorded;
  if (auto text = ctx.files.Read(RecordPath(ctx, p)); text.ok() && text->has_value()) {
    char* end = nullptr;
    std::string t(Trim(**text));
    double v = std::strtod(t.c_str(), &end);
    if (end != t.c_str()) recorded = v;
  }
  double start = 0;
  if (auto usec = ParseU64(Var(uevent, "USEC_INITIALIZED"))) {
    start = static_cast<double>(*usec) / 1e6;
  }
  SmartWait w = DecideSmartWait(recorded, start, Seconds(ctx.clock.Now()), timeout);
  if (w.record_new) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6f\n", w.until);
    if (Status s = ctx.files.Write(RecordPath(ctx, p), buf); !s.ok()) {
      ctx.log.Error(s.error().message);
    }
  }
  return w;
}

}  // namespace

CommandOutput RunValidPath(const ValidPathRequest& o, Env& ctx) {
  CommandOutput r;
  const bool uevent = o.from_uevent;
  auto fail = [&](const std::string& msg) -> CommandOutput& { return Fail(r, ctx.log, msg); };
  auto setup = LoadSetup(ctx.files, ctx.paths);
  if (!setup.ok()) return fail(setup.error().message);
  ReportConfigWarnings(*setup, ctx.log);
  const Config& config = setup->config();
  const Blacklist& blacklist = setup->blacklist;
  auto dev = AskedDevice(o, ctx);
  if (!dev.ok()) {
    if (!uevent) return fail(dev.error().message);
    // A device gone before udev asked is no multipath path.
    r.out = FormatValidity(PathValidity::kNo, std::nullopt);
    ctx.log.Info(dev.error().message);
    return r;
  }

  WwidEnv env = MakeWwidEnv(ctx, setup.value());
  PathFacts facts;
  facts.mode = setup->find_multipaths;
  auto path = DiscoverOne(env, blacklist, dev.value());
  std::string why;
  std::optional<SmartWait> wait;
  PathValidity v = PathValidity::kNo;
  if (!path.ok()) {
    why = path.error().message;
  } else {
    auto wwids = LoadWwids(ctx.files, ctx.paths.wwids_file);
    facts.in_wwids_file = wwids.ok() && Contains(wwids.value(), path->wwid);
    // Whether a map has the WWID matters only when neither greedy nor the
    // wwids file answered. That question needs device-mapper: without it the
    // reference gives no answer and exits 1, -u included (measured in the lab).
    if (facts.mode != FindMultipaths::kGreedy && !facts.in_wwids_file) {
      auto map = ctx.dm.InfoByUuid("mpath-" + path->wwid);
      if (!map.ok() && IsDmUnavailable(map.error())) {
        LogDmFailure(ctx.dm, map.error(), ctx.log);
        r.exit_code = 1;
        return r;
      }
      facts.in_map = map.ok();
    }
    if (facts.mode == FindMultipaths::kSmart && !facts.in_wwids_file && !facts.in_map) {
      facts.paths_with_wwid = 0;
      for (const Path& p : Discover(env, blacklist, ctx.pool).paths) {
        facts.paths_with_wwid += p.wwid == path->wwid;
      }
    }
    v = DecidePathValidity(facts, &why);
    why = dev.value() + ": " + why;
    if (v == PathValidity::kMaybe) {
      DeviceIdentity id{path->vendor, path->model, path->rev};
      Selection s(config, id, path->wwid);
      int64_t tmo = SmartWaitSeconds(s.Get(Opt::kFindMultipathsTimeout).number(),
                                     !s.device_entries().empty());
      wait = SmartWaitFor(path.value(), tmo, o.uevent, ctx);
      if (!wait->waiting) v = PathValidity::kNo;  // waited long enough: a single-path device
    }
  }
  ctx.log.Info(why);
  r.out = FormatValidity(v, wait);
  if (!uevent && v == PathValidity::kNo) r.exit_code = 1;
  return r;
}

CommandOutput RunUsablePaths(const UsablePathsRequest& o, Env& ctx) {
  CommandOutput r;
  auto fail = [&](const std::string& msg) -> CommandOutput& { return Fail(r, ctx.log, msg); };
  // The reference reads its configuration here too, and says what is wrong with it.
  auto setup = LoadSetup(ctx.files, ctx.paths);
  if (!setup.ok()) return fail(setup.error().message);
  ReportConfigWarnings(*setup, ctx.log);
  std::string arg = o.from_uevent ? EventDevice(o.uevent) : "";
  if (arg.empty() && o.from_uevent) {
    return fail("-U: no device in the environment (it is meant for udev rules)");
  }
  if (arg.empty() && !o.devices.empty()) arg = o.devices.front();
  if (arg.empty()) return fail("-C needs a map (name, /dev/dm-N, dm-N or MAJ:MIN)");

  // A map name first (beyond the reference, which takes only devices).
  std::string name;
  if (auto info = ctx.dm.Info(arg); info.ok()) {
    name = info->name;
  } else if (IsDmUnavailable(info.error())) {
    LogDmFailure(ctx.dm, info.error(), ctx.log);  // no map to look at, by name or by device
    r.exit_code = 1;
    return r;
  } else {
    DeviceArg a = ClassifyDeviceArg(arg);
    if (a.kind == DeviceArgKind::kOther) a = {DeviceArgKind::kDevNode, "/dev/" + arg};
    std::string devt = a.text, shown = a.text;
    if (a.kind == DeviceArgKind::kDevNode) {
      auto block = BlockName(ctx.sysfs, ctx.files, a);
      if (!block.ok()) return fail(block.error().message);
      auto d = BlockDevT(ctx.sysfs, block.value());
      if (!d.ok()) return fail(d.error().message);
      devt = d.value();
      shown = block.value();
    }
    auto parts = Split(devt, ':');
    auto major = parts.size() == 2 ? ParseU64(parts[0]) : std::nullopt;
    auto minor = parts.size() == 2 ? ParseU64(parts[1]) : std::nullopt;
    auto map = major && minor && *major <= UINT32_MAX && *minor <= UINT32_MAX
                   ? ctx.dm.InfoByDevT(static_cast<uint32_t>(*major), static_cast<uint32_t>(*minor))
                   : Result<DmMapInfo>(MakeError("bad device number " + devt, EINVAL));
    if (!map.ok()) {
      if (map.error().code == ENXIO) return fail(shown + " is not a device-mapper device");
      return fail(map.error().message);
    }
    name = map->name;
  }
  auto table = ctx.dm.Table(name);
  auto status = table.ok() ? ctx.dm.Status(name) : Result<std::string>(table.error());
  if (!status.ok()) return fail(name + ": " + status.error().message);
  auto st = ParseStatus(status.value());
  if (!st.ok()) return fail(name + " is not a multipath map");
  int usable = 0, total = 0;
  for (const auto& g : st->groups) {
    for (const auto& p : g.paths) {
      ++total;
      auto state = ctx.sysfs.Read("dev/block/" + p.dev + "/device/state");
      bool running = state.ok() && Trim(state.value()) == "running";
      if (p.active && running) ++usable;
      if (ctx.log.Enabled(LogLevel::kInfo)) {
        ctx.log.Info(name + ": path " + p.dev + " " + (p.active ? "active" : "failed") +
                     ", sysfs state " + (state.ok() ? std::string(Trim(state.value())) : "gone"));
      }
    }
  }
  ctx.log.Info(name + ": " + std::to_string(usable) + " of " + std::to_string(total) +
               " paths usable");
  r.exit_code = usable > 0 ? 0 : 1;
  return r;
}

}  // namespace mpx
