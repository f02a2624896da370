#include "cli/wwids_cmd.h"

#include <cerrno>

#include "base/strings.h"
#include "discovery/discover.h"
#include "engine/device_arg.h"
#include "engine/dm_unavailable.h"
#include "engine/setup.h"
#include "engine/state_files.h"

namespace mpx {
namespace {

// The WWID an argument stands for: a path's (device node or number; it must
// not be blacklisted), a map's (by name), or the word itself, as the
// reference takes any other word for a WWID. A word needs device-mapper to
// tell a map's name from a WWID: without it, a kDmUnavailable error (the
// reference fails there too).
Result<std::string> WwidOf(const std::string& arg, const Setup& setup, Env& ctx) {
  DeviceArg a = ClassifyDeviceArg(arg);
  if (a.kind == DeviceArgKind::kOther) {
    auto info = ctx.dm.Info(arg);
    if (info.ok() && StartsWith(info->uuid, "mpath-")) return info->uuid.substr(6);
    if (!info.ok() && IsDmUnavailable(info.error())) return info.error();
    return arg;
  }
  auto name = BlockName(ctx.sysfs, ctx.files, a);
  if (!name.ok()) return name.error();
  auto path = DiscoverOne(MakeWwidEnv(ctx, setup), setup.blacklist, name.value());
  if (!path.ok()) return path.error();
  return path->wwid;
}

}  // namespace

CommandOutput RunWwidsCommand(const WwidsRequest& o, Env& ctx) {
  CommandOutput r;
  auto fail = [&](const std::string& msg) -> CommandOutput& { return Fail(r, ctx.log, msg); };
  auto fail_dm = [&](const Error& e) -> CommandOutput& {
    LogDmFailure(ctx.dm, e, ctx.log);
    r.exit_code = 1;
    return r;
  };
  const bool reset = o.op == WwidsRequest::Op::kReset;
  const bool add = o.op == WwidsRequest::Op::kAdd;
  if (!reset && o.devices.empty()) {
    return fail(std::string(add ? "-a" : "-w") + " needs a device, a WWID or a map name");
  }
  auto setup = LoadSetup(ctx.files, ctx.paths);
  if (!setup.ok()) return fail(setup.error().message);
  ReportConfigWarnings(*setup, ctx.log);

  auto lock = ctx.files.Lock(ctx.paths.lock_file);
  if (!lock.ok()) return fail(lock.error().message);
  auto wwids = LoadWwids(ctx.files, ctx.paths.wwids_file);
  if (!wwids.ok()) return fail(wwids.error().message);
  for (const auto& w : wwids->warnings) ctx.log.Warning(w);

  if (reset) {
    auto maps = ctx.dm.List("multipath");
    if (!maps.ok()) return fail_dm(maps.error());
    std::vector<std::string> kept;
    for (const auto& m : maps.value()) {
      if (StartsWith(m.uuid, "mpath-")) kept.push_back(m.uuid.substr(6));
    }
    std::string text = RewrittenWwids(wwids.value(), kept);
    if (o.dry_run) return r;
    if (Status s = ctx.files.Write(ctx.paths.wwids_file, text); !s.ok()) {
      return fail(s.error().message);
    }
    r.out = "successfully reset wwids\n";
    return r;
  }

  WwidsFile file = std::move(wwids).value();
  for (const auto& arg : o.devices) {
    auto wwid = WwidOf(arg, setup.value(), ctx);
    if (!wwid.ok() && IsDmUnavailable(wwid.error())) return fail_dm(wwid.error());
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
  auto before = ReadStateFile(ctx.files, ctx.paths.wwids_file);
  if (!o.dry_run && (!before.ok() || before.value() != after)) {
    if (Status s = ctx.files.Write(ctx.paths.wwids_file, after); !s.ok()) {
      return fail(s.error().message);
    }
  }
  return r;
}

}  // namespace mpx
