#include "engine/setup.h"

#include "base/strings.h"
#include "config/blacklist_config.h"
#include "config/resolve.h"
#include "engine/config_files.h"

namespace mpx {

Result<Setup> LoadSetup(const Files& files, const FilePaths& paths) {
  auto parsed = LoadConfig(files, paths.config_file, paths.config_dir);
  if (!parsed.ok()) return parsed.error();
  auto blacklist = BuildBlacklist(parsed->config);
  if (!blacklist.ok()) return blacklist.error();
  Setup s{std::move(parsed).value(), std::move(blacklist).value()};
  Selection defaults(s.config(), DeviceIdentity{}, "");
  s.find_multipaths = defaults.Get(Opt::kFindMultipaths).as<FindMultipaths>();
  return s;
}

void ReportConfigWarnings(const Setup& setup, Logger& log) {
  for (const std::string& w : setup.parsed.warnings) log.Log(LogLevel::kError, w);
}

std::string UidAttributeFor(const Config& config, const Path& path) {
  const Selection sel(config, DeviceIdentity{path.vendor, path.model, path.rev, ProtocolName(path)},
                      "");
  if (auto attrs = sel.Find(Opt::kUidAttrs)) {
    for (std::string_view record : Split(attrs->text(), ' ')) {
      const size_t colon = record.find(':');
      if (path.dev.starts_with(record.substr(0, colon))) {
        return std::string(record.substr(colon + 1));
      }
    }
  }
  return sel.Get(Opt::kUidAttribute).text();
}

WwidEnv MakeWwidEnv(const Env& env, const Config& config) {
  WwidEnv wenv{env.sysfs, env.udev, env.scsi};
  wenv.uid_attribute_for = [&config](const Path& p) { return UidAttributeFor(config, p); };
  wenv.allow_usb_devices = Selection(config, {}, "").Get(Opt::kAllowUsbDevices).yes();
  return wenv;
}

WwidEnv MakeWwidEnv(const Env& env, const Setup& setup) { return MakeWwidEnv(env, setup.config()); }

DiscoveryResult DiscoverEveryPath(const Env& env, const Config& config) {
  const Blacklist none;
  return Discover(MakeWwidEnv(env, config), none, env.pool);
}

}  // namespace mpx
