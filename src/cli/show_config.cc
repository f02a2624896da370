#include "cli/show_config.h"

#include "config/printer.h"
#include "discovery/discover.h"
#include "engine/dm_unavailable.h"
#include "engine/setup.h"

namespace mpx {
namespace {

// The paths and maps -T limits the printout to. Errors are logged; false stops.
bool FindPresent(Env& env, const Setup& setup, PresentDevices* present, CommandOutput& r) {
  auto maps = env.dm.List("multipath");
  if (!maps.ok()) {
    LogDmFailure(env.dm, maps.error(), env.log);
    r.exit_code = 1;
    return false;
  }
  for (const DmMapInfo& m : maps.value()) {
    std::string wwid = m.uuid.rfind("mpath-", 0) == 0 ? m.uuid.substr(6) : m.uuid;
    present->maps.push_back({wwid, m.name});
  }
  DiscoveryResult found = Discover(MakeWwidEnv(env, setup), setup.blacklist, env.pool);
  for (const Path& p : found.paths) {
    present->paths.push_back(DeviceIdentity{p.vendor, p.model, p.rev, ProtocolName(p)});
  }
  return true;
}

}  // namespace

void SetMultipathRuntime(Config* config) {
  config->defaults.Set(Opt::kForceSync, Setting{int64_t{1}, "multipath"});
  config->defaults.Set(Opt::kRetriggerTries, Setting{int64_t{0}, "multipath"});
}

CommandOutput RunShowConfig(const ShowConfigRequest& req, Env& env) {
  CommandOutput r;
  auto setup = LoadSetup(env.files, env.paths);
  if (!setup.ok()) return Fail(r, env.log, setup.error().message);
  ReportConfigWarnings(*setup, env.log);
  Config config = setup->config();
  SetMultipathRuntime(&config);
  PrintOptions options;
  if (req.present_only) {
    PresentDevices present;
    if (!FindPresent(env, *setup, &present, r)) return r;
    options.present = std::move(present);
  }
  r.out = PrintConfig(config, options);
  return r;
}

}  // namespace mpx
