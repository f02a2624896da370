#include "cmd/multipath_command.h"

#include <algorithm>

#include "base/parallel.h"
#include "checker/prioritizer.h"
#include "checker/tur.h"
#include "discovery/discover.h"
#include "output/discovery_report.h"
#include "output/topology_text.h"
#include "policy/coalesce.h"
#include "policy/topology.h"

namespace mpx {
namespace {

// Does `arg` (sdb, /dev/sdb, 8:16, a WWID or a map name) name this map or one
// of its paths?
bool Selects(const std::string& arg, const CandidateMap& m, const std::vector<Path>& paths) {
  if (arg == m.wwid) return true;
  std::string dev = arg.rfind("/dev/", 0) == 0 ? arg.substr(5) : arg;
  return std::any_of(m.paths.begin(), m.paths.end(), [&](size_t i) {
    return paths[i].dev == dev || paths[i].DevT() == arg;
  });
}

// Keeps the maps the arguments select; an argument that selects nothing is an
// error, reported with the reason discovery skipped it when there is one.
Status Select(const std::vector<std::string>& args, const DiscoveryResult& found,
              std::vector<CandidateMap>& maps) {
  if (args.empty()) return {};
  for (const auto& a : args) {
    bool any = std::any_of(maps.begin(), maps.end(),
                           [&](const CandidateMap& m) { return Selects(a, m, found.paths); });
    if (any) continue;
    std::string dev = a.rfind("/dev/", 0) == 0 ? a.substr(5) : a;
    for (const auto& s : found.skipped) {
      if (s.dev == dev) return MakeError(a + ": not a multipath path: " + s.reason, ENODEV);
    }
    return MakeError(a + ": no such path, WWID or map", ENODEV);
  }
  std::erase_if(maps, [&](const CandidateMap& m) {
    return std::none_of(args.begin(), args.end(),
                        [&](const std::string& a) { return Selects(a, m, found.paths); });
  });
  return {};
}

// Runs the tur checker on every path of the maps, as the reference does
// before it prints a topology. An offline device is down without I/O.
// Checker, then prioritizer, for every path of the maps, in parallel (a TUR
// or RTPG can wait on a slow target).
void CheckPaths(ScsiIo& io, const std::vector<CandidateMap>& maps, std::vector<Path>& paths) {
  std::vector<size_t> todo;
  for (const auto& m : maps) todo.insert(todo.end(), m.paths.begin(), m.paths.end());
  ParallelFor(todo.size(), WorkerCount(todo.size()), [&](size_t k) {
    Path& p = paths[todo[k]];
    if (p.sysfs_state != "running") {
      p.checker_state = PathState::kDown;
      p.checker_message = p.dev + ": sysfs state " + p.sysfs_state;
    } else {
      p.checker_state = RunTurChecker(io, p.devnode, &p.checker_message);
    }
    Prioritize(DetectPrio(p), io, p);
  });
}

}  // namespace

CommandOutput RunMultipath(const MultipathOptions& o, MultipathEnv& env) {
  CommandOutput r;
  if (!o.dry_run) {
    r.err = "multipath: creating maps is not implemented yet; use -d for a dry run\n";
    r.exit_code = 1;
    return r;
  }
  WwidEnv wenv{env.sysfs, env.udev, env.scsi};
  DiscoveryResult found = Discover(wenv, Blacklist::BuiltIn());
  std::vector<CandidateMap> candidates = Coalesce(found.paths);
  if (Status s = Select(o.devices, found, candidates); !s.ok()) {
    r.err = "multipath: " + s.error().message + "\n";
    r.exit_code = 1;
    return r;
  }
  // Checkers first: a failed path does not count in its group's priority.
  CheckPaths(env.scsi, candidates, found.paths);
  std::vector<int> prio;
  prio.reserve(found.paths.size());
  for (const Path& p : found.paths) prio.push_back(p.priority);
  std::vector<MultipathMap> maps;
  maps.reserve(candidates.size());
  for (const auto& c : candidates) maps.push_back(BuildMap(c, found.paths, prio));
  if (o.json) {
    r.out = DiscoveryJson(found, maps, "create");
    return r;
  }
  if (o.verbosity >= 3) r.out += DiscoveryDetails(found);
  for (const auto& m : maps) {
    if (o.verbosity == 1) r.out += m.name + "\n";
    if (o.verbosity >= 2) r.out += FormatTopology(m, found.paths, {.action = ""});  // dry run
  }
  return r;
}

}  // namespace mpx
