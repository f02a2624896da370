#include "app/command_setup.h"

#include "config/blacklist_config.h"
#include "config/load.h"
#include "config/resolve.h"

namespace mpx {

Result<CommandSetup> LoadCommandSetup(const Context& ctx) {
  auto parsed = LoadConfig(ctx.config_file, ctx.config_dir);
  if (!parsed.ok()) return parsed.error();
  auto blacklist = BuildBlacklist(parsed->config);
  if (!blacklist.ok()) return blacklist.error();
  CommandSetup s{std::move(parsed).value(), std::move(blacklist).value(), ""};
  Selection defaults(s.config(), DeviceIdentity{}, "");
  s.uid_attribute = defaults.Get(Opt::kUidAttribute).text();
  s.find_multipaths = defaults.Get(Opt::kFindMultipaths).as<FindMultipaths>();
  return s;
}

void ReportConfigWarnings(const CommandSetup& setup, CommandOutput& r) {
  for (const std::string& w : setup.parsed.warnings) r.err += "multipath: " + w + "\n";
}

WwidEnv MakeWwidEnv(Context& ctx, const CommandSetup& setup) {
  return WwidEnv{ctx.sysfs, ctx.udev, ctx.scsi, setup.uid_attribute};
}

CommandOutput& Fail(CommandOutput& r, const std::string& msg) {
  r.err += "multipath: " + msg + "\n";
  r.exit_code = 1;
  return r;
}

void WarnIfNoDaemon(int verbosity, const Context& ctx, bool maps_exist, CommandOutput& r) {
  if (verbosity >= 2 && maps_exist && !ctx.daemon_running) {
    r.err += "Warning: multipath devices exist, but multipathd service is not running\n";
  }
}

}  // namespace mpx
