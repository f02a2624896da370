#include "engine/check.h"

#include "base/thread_pool.h"
#include "checker/checker.h"
#include "discovery/discover.h"

namespace mpx {

void CheckPath(ScsiIo& io, const MapConfig& mc, Path& p) {
  if (p.sysfs_state != "running") {
    p.checker_state = PathState::kDown;
    p.checker_message = p.dev + ": sysfs state " + p.sysfs_state;
  } else {
    CheckResult r = RunChecker("tur", io, p.devnode, std::chrono::seconds(30));
    p.checker_state = r.state;
    p.checker_message = r.state == PathState::kUp ? "" : p.dev + ": " + r.message;
  }
  Prioritize(mc.detect_prio ? DetectPrio(p, mc.prio) : mc.prio, io, p);
}

void CheckChosenPaths(const WwidEnv& env, ThreadPool& pool, const Chosen& chosen, PathSet& paths) {
  struct Job {
    const MapConfig* config;
    Path* path;
    bool serial;
  };
  std::vector<Job> jobs;
  for (size_t m = 0; m < chosen.maps.size(); ++m) {
    const MapConfig& mc = chosen.configs[m];
    bool serial = mc.settings.grouping == GroupingPolicy::kGroupBySerial;
    for (PathId id : chosen.maps[m].paths) jobs.push_back({&mc, &paths.at(id), serial});
  }
  ParallelFor(pool, jobs.size(), HelpersFor(pool, jobs.size()), [&](size_t k) {
    const Job& j = jobs[k];
    if (j.serial) j.path->serial = ReadSerial(env, *j.path);
    CheckPath(env.scsi, *j.config, *j.path);
  });
}

}  // namespace mpx
