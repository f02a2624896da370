#include "engine/check.h"

#include <chrono>
#include <thread>

#include "base/strings.h"
#include "base/thread_pool.h"
#include "checker/checker.h"
#include "checker/prioritizer.h"
#include "discovery/discover.h"

namespace mpx {

namespace {

std::chrono::seconds TimeoutFor(const CheckIo& io, const MapConfig& mc, const Path& p) {
  if (io.sysfs != nullptr) return CheckerTimeout(*io.sysfs, p, mc.checker_timeout);
  return std::chrono::seconds(mc.checker_timeout > 0 ? mc.checker_timeout : 30);
}

// The kernel's access_state (what the sysfs prioritizer reads) learns of a
// target's ALUA change only when a command through the path meets the unit
// attention the change raised, and then from a REPORT TARGET PORT GROUPS of
// its own that completes a moment later: read it after the checker's
// command, not before. On a path's first check (daemon start, a new path)
// also ask the target, as the reference's ALUA detection does at discovery,
// and give sysfs a moment (up to 1 s) to agree: the map is grouped, and the
// kernel activates a group, by these priorities (an array with explicit
// ALUA makes the group dm activates active/optimized, so a stale priority
// there would move the array's preferred port).
void RefreshAccessState(const CheckIo& io, Path& p, bool first) {
  if (io.sysfs == nullptr || p.alua_state.empty()) return;
  const std::string attr = "block/" + p.dev + "/device/access_state";
  auto read = [&] {
    if (auto v = io.sysfs->Read(attr); v.ok()) p.alua_state = std::string(Trim(*v));
  };
  read();
  if (!first) return;
  auto target = TargetAluaState(io.scsi, p, std::chrono::seconds(5));
  for (int i = 0; target && p.alua_state != *target && i < 20; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    read();
  }
}

}  // namespace

void CheckPath(const CheckIo& io, const MapConfig& mc, Path& p, CheckerMemory* memory) {
  const std::chrono::seconds timeout = TimeoutFor(io, mc, p);
  const bool first = p.checker.empty();
  if (first) {
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
  if (p.prioritizer == "sysfs" && p.sysfs_state == "running") RefreshAccessState(io, p, first);
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
