#include "app/udev_answers.h"

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <filesystem>

#include "app/command_setup.h"
#include "app/device_arg.h"
#include "app/dm_unavailable.h"
#include "app/state_files.h"
#include "base/atomic_file.h"
#include "base/strings.h"
#include "config/resolve.h"
#include "discovery/discover.h"
#include "policy/dm_table.h"
#include "policy/path_validity.h"

namespace mpx {
namespace {

std::string Env(const Context& ctx, const std::string& key) {
  auto it = ctx.uevent.find(key);
  return it == ctx.uevent.end() ? "" : it->second;
}

// The block device a udev event is about: DEVNAME, else DEVPATH, else
// MAJOR:MINOR; "" when the environment names none.
std::string EventDevice(const Context& ctx) {
  if (std::string n = Env(ctx, "DEVNAME"); !n.empty()) {
    return StartsWith(n, "/dev/") ? n.substr(5) : n;
  }
  if (std::string p = Env(ctx, "DEVPATH"); !p.empty()) return p.substr(p.rfind('/') + 1);
  if (std::string ma = Env(ctx, "MAJOR"), mi = Env(ctx, "MINOR"); !ma.empty() && !mi.empty()) {
    return ma + ":" + mi;
  }
  return "";
}

// The device -c or -u asks about, as a sysfs block name.
Result<std::string> AskedDevice(const MultipathOptions& o, const Context& ctx) {
  const bool uevent = o.mode == MultipathMode::kUeventPath;
  std::string dev = uevent ? EventDevice(ctx) : "";
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
  return BlockName(ctx.sysfs, a);
}

std::string RecordPath(const Context& ctx, const Path& p) {
  return ctx.find_multipaths_dir + "/" + p.DevT();
}

// find_multipaths smart, a single path: wait for siblings (a record per
// device number keeps the end of the wait across udev events).
SmartWait SmartWaitFor(const Path& p, int64_t timeout, Context& ctx, std::string* err) {
  std::optional<double> recorded;
  if (auto text = ReadWholeFile(RecordPath(ctx, p)); text.ok()) {
    char* end = nullptr;
    std::string t(Trim(text.value()));
    double v = std::strtod(t.c_str(), &end);
    if (end != t.c_str()) recorded = v;
  }
  double start = 0;
  if (auto usec = ParseU64(Env(ctx, "USEC_INITIALIZED"))) start = static_cast<double>(*usec) / 1e6;
  SmartWait w = DecideSmartWait(recorded, start, ctx.monotonic_now(), timeout);
  if (w.record_new) {
    std::error_code ec;
    std::filesystem::create_directories(ctx.find_multipaths_dir, ec);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6f\n", w.until);
    if (Status s = WriteFileAtomically(RecordPath(ctx, p), buf); !s.ok()) {
      *err += "multipath: " + s.error().message + "\n";
    }
  }
  return w;
}

}  // namespace

CommandOutput RunValidPath(const MultipathOptions& o, Context& ctx) {
  CommandOutput r;
  const bool uevent = o.mode == MultipathMode::kUeventPath;
  auto fail = [&](const std::string& msg) { return Fail(r, msg); };
  auto setup = LoadCommandSetup(ctx);
  if (!setup.ok()) return fail(setup.error().message);
  ReportConfigWarnings(*setup, r);
  const Config& config = setup->config();
  const Blacklist& blacklist = setup->blacklist;
  auto dev = AskedDevice(o, ctx);
  if (!dev.ok()) {
    if (!uevent) return fail(dev.error().message);
    // A device gone before udev asked is no multipath path.
    r.out = FormatValidity(PathValidity::kNo, std::nullopt);
    if (o.verbosity >= 3) r.err += "multipath: " + dev.error().message + "\n";
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
    auto wwids = LoadWwids(ctx.wwids_file);
    facts.in_wwids_file = wwids.ok() && Contains(wwids.value(), path->wwid);
    // Whether a map has the WWID matters only when neither greedy nor the
    // wwids file answered. That question needs device-mapper: without it the
    // reference gives no answer and exits 1, -u included (measured in the lab).
    if (facts.mode != FindMultipaths::kGreedy && !facts.in_wwids_file) {
      auto map = ctx.dm.InfoByUuid("mpath-" + path->wwid);
      if (!map.ok() && IsDmUnavailable(map.error())) return FailDm(r, ctx.dm, map.error());
      facts.in_map = map.ok();
    }
    if (facts.mode == FindMultipaths::kSmart && !facts.in_wwids_file && !facts.in_map) {
      facts.paths_with_wwid = 0;
      for (const Path& p : Discover(env, blacklist).paths) {
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
      wait = SmartWaitFor(path.value(), tmo, ctx, &r.err);
      if (!wait->waiting) v = PathValidity::kNo;  // waited long enough: a single-path device
    }
  }
  if (o.verbosity >= 3) r.err += "multipath: " + why + "\n";
  r.out = FormatValidity(v, wait);
  if (!uevent && v == PathValidity::kNo) r.exit_code = 1;
  return r;
}

CommandOutput RunUsablePaths(const MultipathOptions& o, Context& ctx) {
  CommandOutput r;
  auto fail = [&](const std::string& msg) { return Fail(r, msg); };
  std::string arg = o.mode == MultipathMode::kUeventUsable ? EventDevice(ctx) : "";
  if (arg.empty() && o.mode == MultipathMode::kUeventUsable) {
    return fail("-U: no device in the environment (it is meant for udev rules)");
  }
  if (arg.empty() && !o.devices.empty()) arg = o.devices.front();
  if (arg.empty()) return fail("-C needs a map (name, /dev/dm-N, dm-N or MAJ:MIN)");

  // A map name first (beyond the reference, which takes only devices).
  std::string name;
  if (auto info = ctx.dm.Info(arg); info.ok()) {
    name = info->name;
  } else if (IsDmUnavailable(info.error())) {
    return FailDm(r, ctx.dm, info.error());  // no map to look at, by name or by device
  } else {
    DeviceArg a = ClassifyDeviceArg(arg);
    if (a.kind == DeviceArgKind::kOther) a = {DeviceArgKind::kDevNode, "/dev/" + arg};
    std::string devt = a.text, shown = a.text;
    if (a.kind == DeviceArgKind::kDevNode) {
      auto block = BlockName(ctx.sysfs, a);
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
      if (o.verbosity >= 3) {
        r.err += "multipath: " + name + ": path " + p.dev + " " + (p.active ? "active" : "failed") +
                 ", sysfs state " + (state.ok() ? std::string(Trim(state.value())) : "gone") + "\n";
      }
    }
  }
  if (o.verbosity >= 3) {
    r.err += "multipath: " + name + ": " + std::to_string(usable) + " of " + std::to_string(total) +
             " paths usable\n";
  }
  r.exit_code = usable > 0 ? 0 : 1;
  return r;
}

}  // namespace mpx
