#include "engine/setup.h"

#include "config/blacklist_config.h"
#include "config/resolve.h"
#include "engine/config_files.h"

namespace mpx {

Result<Setup> LoadSetup(const Files& files, const FilePaths& paths) {
  auto parsed = LoadConfig(files, paths.config_file, paths.config_dir);
  if (!parsed.ok()) return parsed.error();
  auto blacklist = BuildBlacklist(parsed->config);
  if (!blacklist.ok()) return blacklist.error();
  Setup s{std::move(parsed).value(), std::move(blacklist).value(), ""};
  Selection defaults(s.config(), DeviceIdentity{}, "");
  s.uid_attribute = defaults.Get(Opt::kUidAttribute).text();
  s.find_multipaths = defaults.Get(Opt::kFindMultipaths).as<FindMultipaths>();
  return s;
}

void ReportConfigWarnings(const Setup& setup, Logger& log) {
  for (const std::string& w : setup.parsed.warnings) log.Log(LogLevel::kError, w);
}

WwidEnv MakeWwidEnv(const Env& env, const Setup& setup) {
  return WwidEnv{env.sysfs, env.udev, env.scsi, setup.uid_attribute};
}

}  // namespace mpx
