#include "app/wwids_cmd.h"

#include <cerrno>

#include "app/command_setup.h"
#include "app/device_arg.h"
#include "app/dm_unavailable.h"
#include "app/state_files.h"
#include "base/atomic_file.h"
#include "base/file_lock.h"
#include "base/strings.h"
#include "discovery/discover.h"

namespace mpx {
namespace {

// The WWID an argument stands for: a path's (device node or number; it must
// not be blacklisted), a map's (by name), or the word itself, as the
// reference takes any other word for a WWID. A word needs device-mapper to
// tell a map's name from a WWID: without it, a kDmUnavailable error (the
// reference fails there too).
Result<std::string> WwidOf(const std::string& arg, const CommandSetup& setup, Context& ctx) {
  DeviceArg a = ClassifyDeviceArg(arg);
  if (a.kind == DeviceArgKind::kOther) {
    auto info = ctx.dm.Info(arg);
    if (info.ok() && StartsWith(info->uuid, "mpath-")) return info->uuid.substr(6);
    if (!info.ok() && IsDmUnavailable(info.error())) return info.error();
    return arg;
  }
  auto name = BlockName(ctx.sysfs, a);
  if (!name.ok()) return name.error();
  auto path = DiscoverOne(MakeWwidEnv(ctx, setup), setup.blacklist, name.value());
  if (!path.ok()) return path.error();
  return path->wwid;
}

}  // namespace

CommandOutput RunWwidsCommand(const MultipathOptions& o, Context& ctx) {
  CommandOutput r;
  auto fail = [&](const std::string& msg) { return Fail(r, msg); };
  const bool reset = o.mode == MultipathMode::kResetWwids;
  const bool add = o.mode == MultipathMode::kAddWwid;
  if (!reset && o.devices.empty()) {
    return fail(std::string(add ? "-a" : "-w") + " needs a device, a WWID or a map name");
  }
  auto setup = LoadCommandSetup(ctx);
  if (!setup.ok()) return fail(setup.error().message);
  ReportConfigWarnings(*setup, r);

  auto lock = FileLock::Acquire(ctx.lock_file);
  if (!lock.ok()) return fail(lock.error().message);
  auto wwids = LoadWwids(ctx.wwids_file);
  if (!wwids.ok()) return fail(wwids.error().message);
  for (const auto& w : wwids->warnings) r.err += "multipath: " + w + "\n";

  if (reset) {
    auto maps = ctx.dm.List("multipath");
    if (!maps.ok()) return FailDm(r, ctx.dm, maps.error());
    std::vector<std::string> kept;
    for (const auto& m : maps.value()) {
      if (StartsWith(m.uuid, "mpath-")) kept.push_back(m.uuid.substr(6));
    }
    std::string text = RewrittenWwids(wwids.value(), kept);
    if (o.dry_run) return r;
    if (Status s = WriteFileAtomically(ctx.wwids_file, text); !s.ok()) {
      return fail(s.error().message);
    }
    r.out = "successfully reset wwids\n";
    return r;
  }

  WwidsFile file = std::move(wwids).value();
  for (const auto& arg : o.devices) {
    auto wwid = WwidOf(arg, setup.value(), ctx);
    if (!wwid.ok() && IsDmUnavailable(wwid.error())) return FailDm(r, ctx.dm, wwid.error());
    if (!wwid.ok()) {
      const char* verb = add ? "not added" : "not removed";
      fail(wwid.error().message + " (" + verb + ")");
      continue;
    }
    const bool present = Contains(file, wwid.value());
    if (add) {
      if (!present) file = ParseWwids(WithWwid(file, wwid.value()), file.name);
      r.out += "wwid '" + wwid.value() + "' added\n";
    } else if (present) {
      file = ParseWwids(WithoutWwid(file, wwid.value()), file.name);
      r.out += "wwid '" + wwid.value() + "' removed\n";
    } else {
      r.out += "wwid '" + wwid.value() + "' not in wwids file\n";
    }
  }
  if (r.exit_code != 0) return r;  // all or nothing: a bad argument changes no line
  std::string after;
  for (const auto& l : file.lines) after += l + "\n";
  auto before = ReadStateFile(ctx.wwids_file);
  if (!o.dry_run && (!before.ok() || before.value() != after)) {
    if (Status s = WriteFileAtomically(ctx.wwids_file, after); !s.ok()) {
      return fail(s.error().message);
    }
  }
  return r;
}

}  // namespace mpx
