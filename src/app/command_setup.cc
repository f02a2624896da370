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
  s.uid_attribute = Selection(s.config(), DeviceIdentity{}, "").Get(Opt::kUidAttribute).text();
  return s;
}

WwidEnv MakeWwidEnv(Context& ctx, const CommandSetup& setup) {
  return WwidEnv{ctx.sysfs, ctx.udev, ctx.scsi, setup.uid_attribute};
}

CommandOutput& Fail(CommandOutput& r, const std::string& msg) {
  r.err += "multipath: " + msg + "\n";
  r.exit_code = 1;
  return r;
}

}  // namespace mpx
