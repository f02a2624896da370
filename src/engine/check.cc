#include "engine/check.h"

#include "base/thread_pool.h"
#include "checker/checker.h"
#include "discovery/discover.h"

namespace mpx {

namespace {

std::chrono::seconds TimeoutFor(const CheckIo& io, const MapConfig& mc, const Path& p) {
  if (io.sysfs != nullptr) return CheckerTimeout(*io.sysfs, p, mc.checker_timeout);
  return std::chrono::seconds(mc.checker_timeout > 0 ? mc.checker_timeout : 30);
}

}  // namespace

void CheckPath(const CheckIo& io, const MapConfig& mc, Path& p, CheckerMemory* memory) {
  const std::chrono::seconds timeout = TimeoutFor(io, mc, p);
  if (p.checker.empty()) {
    std::string detected;
    if (mc.detect_checker) detected = DetectChecker(io.scsi, p, mc.hwe_checker, timeout);
    p.checker = detected.empty() ? mc.checker : detected;
  }
  if (p.sysfs_state != "running") {
    p.checker_state = PathState::kDown;
    p.checker_message = p.dev + ": sysfs state " + p.sysfs_state;
  } else {
    CheckResult r = RunChecker(p.checker, io.scsi, p.devnode, timeout, memory);
    p.checker_state = r.state;
    p.checker_message = r.state == PathState::kUp ? "" : p.dev + ": " + r.message;
  }
  p.prioritizer = std::string(mc.detect_prio ? DetectPrioName(p, mc.prio) : mc.prio);
  // The prioritizers' own timeouts unless checker_timeout is set, as the reference.
  const std::chrono::milliseconds prio_timeout =
      mc.checker_timeout > 0 ? std::chrono::milliseconds(std::chrono::seconds(mc.checker_timeout))
                             : std::chrono::milliseconds(0);
  PrioResult r = RunPrioritizer(p.prioritizer, mc.prio_args, PrioIo{io.scsi, io.sysfs, io.udev}, p,
                                prio_timeout);
  p.priority = r.ok() ? r.priority : 0;
  p.prio_message = r.ok() ? "" : r.message;
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
    CheckPath(CheckIo{env.scsi, &env.sysfs, &env.udev}, *j.config, *j.path);
  });
}

}  // namespace mpx
