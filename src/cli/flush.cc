#include "cli/flush.h"

#include "config/resolve.h"
#include "engine/dm_unavailable.h"
#include "engine/remove.h"
#include "engine/setup.h"

namespace mpx {

CommandOutput RunFlush(const FlushRequest& req, Env& env) {
  CommandOutput r;
  // The reference reads its configuration here too, and says what is wrong with it.
  auto setup = LoadSetup(env.files, env.paths);
  if (!setup.ok()) return Fail(r, env.log, setup.error().message);
  ReportConfigWarnings(*setup, env.log);
  auto lock = env.files.Lock(env.paths.lock_file);
  if (!lock.ok()) return Fail(r, env.log, lock.error().message);
  auto maps = env.dm.List("multipath");
  if (!maps.ok()) {
    LogDmFailure(env.dm, maps.error(), env.log);
    r.exit_code = 1;
    return r;
  }
  std::vector<std::string> names;
  if (req.all) {
    for (const auto& m : maps.value()) names.push_back(m.name);
  } else {
    for (const auto& arg : req.maps) {
      bool found = false;
      for (const auto& m : maps.value()) {
        if (m.name == arg || m.uuid == "mpath-" + arg || "/dev/mapper/" + m.name == arg) {
          names.push_back(m.name);
          found = true;
        }
      }
      if (!found) Fail(r, env.log, arg + ": no such multipath map");
    }
  }
  const int retries = req.retries.value_or(
      static_cast<int>(Selection(setup->config(), {}, "").Get(Opt::kRemoveRetries).number()));
  env.dm.BeginBatch();  // one udev wait for all removals
  for (const auto& name : names) {
    if (Status s = RemoveUnusedMap(env.dm, env.clock, name, retries); !s.ok()) {
      Fail(r, env.log, s.error().message);
    } else if (req.verbosity >= 3) {
      r.out += name + ": removed\n";
    }
  }
  env.dm.EndBatch();
  return r;
}

}  // namespace mpx
