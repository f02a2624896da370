// Daemon: marginal_path_* sampling of shaky paths (direct reads on a
// worker) and what a sample decides.
#include <algorithm>
#include <cerrno>
#include <set>

#include "base/strings.h"
#include "checker/prioritizer.h"
#include "config/resolve.h"
#include "daemon/daemon.h"
#include "daemon/daemon_util.h"
#include "daemon/show.h"
#include "discovery/discover.h"
#include "engine/check.h"
#include "engine/current_maps.h"
#include "engine/dm_unavailable.h"
#include "engine/execute.h"
#include "engine/persist.h"
#include "engine/remove.h"
#include "engine/shape.h"
#include "engine/state_files.h"
#include "policy/coalesce.h"
#include "policy/dm_table.h"
#include "policy/grouping.h"
#include "policy/topology.h"
#include "state/bindings.h"

namespace mpx {

// marginal_path_*: direct reads at 10 Hz for sample_time seconds on a
// worker (it holds one thread that long), then OnSampleDone.
void Daemon::StartSample(PathId id) {
  const PathEntry& e = *paths_.Find(id);
  const MapEntry* m = maps_.Find(e.map);
  if (m == nullptr) return;
  const int seconds = m->policy.shaky.sample_time;
  const std::string devnode = e.path.devnode;
  auto counts = std::make_shared<std::pair<uint64_t, uint64_t>>(0, 0);  // errors, reads
  Env& env = env_;
  worker_.Run(
      [counts, devnode, seconds, &env] {
        const MonoTime end = env.clock.Now() + std::chrono::seconds(seconds);
        while (env.clock.Now() < end) {
          CheckResult r = RunChecker("directio", env.scsi, devnode, std::chrono::seconds(1));
          ++counts->second;
          if (r.state != PathState::kUp) ++counts->first;
          env.clock.SleepFor(std::chrono::milliseconds(100));
        }
      },
      [this, id, counts] { OnSampleDone(id, counts->first, counts->second); });
}

void Daemon::OnSampleDone(PathId id, uint64_t errors, uint64_t reads) {
  if (!paths_.Contains(id)) return;
  PathEntry& e = paths_.Mutable(id);
  const std::string wwid = e.map;
  if (wwid.empty() || !maps_.Contains(wwid)) return;
  env_.log.Notice(e.path.dev + ": I/O error sample: " + std::to_string(errors) + " of " +
                  std::to_string(reads) + " reads failed");
  OnSample(maps_.Find(wwid)->policy.shaky, e.health, errors, reads, OthersUsable(wwid, id),
           env_.clock.Now());
  if (!e.health.why.empty()) env_.log.Notice(e.path.dev + ": " + e.health.why);
  // marginal_pathgroups on: the sample moves the path into (out of) a
  // marginal group, which takes a reload, as setmarginal does.
  const bool regroup = e.path.marginal != e.health.marginal;
  if (regroup) {
    e.path.marginal = e.health.marginal;
    env_.log.Notice(e.path.dev +
                    (e.path.marginal ? ": marked marginal" : ": marginal mark cleared"));
  }
  ApplyPathState(wwid, id, DaemonUsable(*paths_.Find(id)));
  if (regroup && maps_.Contains(wwid)) {
    std::vector<PathId> members;
    for (const PathGroup& g : maps_.Find(wwid)->map.groups) {
      members.insert(members.end(), g.paths.begin(), g.paths.end());
    }
    if (ReloadMap(wwid, members).ok()) Failback(wwid, false);
  }
  Publish();
}

}  // namespace mpx
