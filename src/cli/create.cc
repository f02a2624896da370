#include "cli/create.h"

#include <map>
#include <optional>
#include <set>

#include "discovery/discover.h"
#include "engine/check.h"
#include "engine/current_maps.h"
#include "engine/dm_unavailable.h"
#include "engine/execute.h"
#include "engine/path_tuning.h"
#include "engine/persist.h"
#include "engine/setup.h"
#include "engine/shape.h"
#include "engine/state_files.h"
#include "output/discovery_report.h"
#include "output/topology_text.h"
#include "plan/table_compare.h"
#include "policy/coalesce.h"
#include "policy/dm_table.h"
#include "state/bindings.h"

namespace mpx {
namespace {

// The maps to plan against. Without device-mapper, a dry run over a
// recorded tree (--sysfs), where one is most useful, plans against none and
// `*dm_absent` says why; every other run fails, as the reference's (exit 1).
Result<std::vector<CurrentMap>> MapsToPlanAgainst(const CreateRequest& r, Env& env,
                                                  std::optional<std::string>* dm_absent) {
  auto current = ReadCurrentMaps(env.dm);
  if (current.ok() || !IsDmUnavailable(current.error()) || !r.dry_run || !r.recorded_sysfs) {
    return current;
  }
  *dm_absent = DmAbsenceCause(env.dm.Availability());
  return std::vector<CurrentMap>{};
}

// What the run read before deciding: paths, maps, state files.
struct Inputs {
  DiscoveryResult found;
  std::vector<CurrentMap> current;
  std::optional<std::string> dm_absent;
  std::string wwids_text;
  WwidsFile wwids;
  std::optional<Namer> namer;
};

std::string ActionName(ActionKind kind) {
  if (kind == ActionKind::kConflict) return "conflict";
  std::string_view word = ActionWord(kind);
  return word.empty() ? "none" : std::string(word);
}

// What the reference prints on stdout for each action (-v1: the name; -v2:
// the topology), and -v3's reasons and --diff's table differences.
// The kernel's state of each path of the existing maps about to change
// ("8:16" -> "active" or "failed"), read before they change: the reference
// shows it for the paths a map had when it prints the map's new topology.
using KernelPathStates = std::map<std::string, std::string>;
KernelPathStates ReadKernelPathStates(DeviceMapper& dm, const std::vector<MapAction>& actions) {
  KernelPathStates out;
  for (const MapAction& a : actions) {
    if (a.current_name.empty() || a.kind == ActionKind::kNothing ||
        a.kind == ActionKind::kConflict) {
      continue;
    }
    auto text = dm.Status(a.current_name);
    auto status = text.ok() ? ParseStatus(*text) : Result<DmStatus>(text.error());
    if (!status.ok()) continue;  // then shown as undef
    for (const DmGroupStatus& g : status->groups) {
      for (const DmPathStatus& p : g.paths) out[p.dev] = p.active ? "active" : "failed";
    }
  }
  return out;
}

// `map` with the kernel's path states where it has them.
MultipathMap WithKernelStates(MultipathMap map, const KernelPathStates& states) {
  for (PathGroup& g : map.groups) {
    g.path_dm_states.clear();
    for (PathId id : g.paths) {
      auto it = states.find(id.ToString());
      g.path_dm_states.push_back(it != states.end() ? it->second : "undef");
    }
  }
  return map;
}

// 6 ("active", "failed") when a path found is in an existing map, else 0.
size_t DmStateWidth(const std::vector<CurrentMap>& current, const PathSet& paths) {
  for (const CurrentMap& m : current) {
    if (!m.table) continue;
    for (const Path& found : paths) {
      if (m.table->Holds(found.DevT())) return 6;
    }
  }
  return 0;
}

void RenderActions(const CreateRequest& req, const std::vector<MapAction>& actions,
                   const std::vector<Status>& results, const std::vector<WantedMap>& wanted,
                   const PathSet& paths, const KernelPathStates& states, size_t dm_state_width,
                   std::string* out) {
  for (size_t k = 0; k < actions.size(); ++k) {
    const MapAction& a = actions[k];
    const WantedMap& w = wanted[a.wanted];
    if (a.kind == ActionKind::kConflict || a.kind == ActionKind::kNothing) continue;
    if (req.verbosity >= 3) {
      *out += w.map.name + ": " + std::string(ActionWord(a.kind)) + ": " + a.reason + "\n";
    }
    if (!results[k].ok()) continue;
    if (req.verbosity == 1) *out += w.map.name + "\n";
    if (req.verbosity >= 2) {
      TopologyStyle style{.action = req.dry_run && a.kind == ActionKind::kCreate
                                        ? std::string()
                                        : std::string(ActionWord(a.kind)),
                          .dm_state_width = dm_state_width};
      *out += FormatTopology(WithKernelStates(w.map, states), paths, style);
    }
    if (req.diff && a.current_table) {
      *out += "diff " + w.map.name + ": " + TableWordDiff(*a.current_table, w.table) + "\n";
    }
  }
}

std::string PlanJson(const CreateRequest& req, const Inputs& in,
                     const std::vector<MapAction>& actions, const std::vector<WantedMap>& wanted) {
  std::vector<MultipathMap> maps;
  std::vector<std::string> words;
  for (const auto& a : actions) {
    maps.push_back(wanted[a.wanted].map);
    words.push_back(ActionName(a.kind));
  }
  return DiscoveryJson(in.found, maps, words, req.dry_run, in.dm_absent);
}

// Reads everything the run decides from. Errors are logged; false stops.
bool Gather(const CreateRequest& req, Env& env, const Setup& setup, Inputs* in, CommandOutput& r) {
  auto current = MapsToPlanAgainst(req, env, &in->dm_absent);
  if (!current.ok()) {
    LogDmFailure(env.dm, current.error(), env.log);
    r.exit_code = 1;
    return false;
  }
  in->current = std::move(current).value();
  if (in->dm_absent) {
    env.log.Warning("device-mapper is not available: " + *in->dm_absent +
                    "; planning against no existing maps");
  }
  in->found = Discover(MakeWwidEnv(env, setup), setup.blacklist, env.pool);
  auto wwids_text = ReadStateFile(env.files, env.paths.wwids_file);
  if (!wwids_text.ok()) return Fail(r, env.log, wwids_text.error().message), false;
  in->wwids_text = std::move(wwids_text).value();
  in->wwids = ParseWwids(in->wwids_text, env.paths.wwids_file);
  for (const auto& w : in->wwids.warnings) env.log.Warning(w);
  const std::string bindings_file = req.bindings_file.value_or(env.paths.bindings_file);
  auto bindings_text = ReadStateFile(env.files, bindings_file);
  if (!bindings_text.ok()) return Fail(r, env.log, bindings_text.error().message), false;
  std::set<std::string> names_in_use;
  for (const auto& c : in->current) names_in_use.insert(c.info.name);
  in->namer.emplace(ParseBindings(bindings_text.value(), bindings_file), names_in_use,
                    req.bindings_read_only || req.dry_run);
  for (const auto& w : in->namer->warnings()) env.log.Warning(w);
  return true;
}

}  // namespace

void WarnIfNoDaemon(const Env& env, bool maps_exist) {
  if (maps_exist && !env.daemon_running) {
    env.log.Notice("Warning: multipath devices exist, but multipathd service is not running");
  }
}

CommandOutput RunCreate(const CreateRequest& req, Env& env) {
  CommandOutput r;
  auto setup = LoadSetup(env.files, env.paths);
  if (!setup.ok()) return Fail(r, env.log, setup.error().message);
  ReportConfigWarnings(*setup, env.log);

  // Serialise with other runs before reading the kernel's state.
  std::unique_ptr<FileLease> lock;
  if (!req.dry_run) {
    auto l = env.files.Lock(env.paths.lock_file);
    if (!l.ok()) return Fail(r, env.log, l.error().message);
    lock = std::move(l).value();
  }

  // Gather: the kernel's maps first (without device-mapper there is nothing
  // to do, and the reference looks at no path either), then paths and state.
  Inputs in;
  if (!Gather(req, env, *setup, &in, r)) return r;

  // Shape: which candidates become maps, check their paths, build them.
  std::vector<CandidateMap> candidates = Coalesce(in.found.paths);
  if (Status s = SelectArgs(req.devices, in.found.paths, in.found.skipped, in.current, candidates);
      !s.ok()) {
    return Fail(r, env.log, s.error().message);
  }
  ShapeOptions shape{.ignore_wwids = req.ignore_wwids,
                     .named = !req.devices.empty(),
                     .grouping = req.grouping,
                     .allow_queueing = req.allow_queueing,
                     .daemon_running = env.daemon_running,
                     .keep_settled_maps = !req.force_reload};
  Chosen chosen = ChooseMaps(setup->config(), setup->find_multipaths, std::move(candidates),
                             in.found.paths, in.current, in.wwids, shape);
  CheckChosenPaths(MakeWwidEnv(env, *setup), env.pool, chosen, in.found.paths);
  std::vector<std::string> explain = chosen.explain;
  auto wanted = BuildWanted(chosen, in.found.paths, *in.namer, &explain);
  if (!wanted.ok()) return Fail(r, env.log, wanted.error().message);

  // Plan, then render what the plan says (JSON, or -v3's details).
  auto actions = PlanActions(wanted.value(), in.current,
                             req.force_reload ? ReloadRule::kAlways : ReloadRule::kWhenDifferent);
  if (req.json) {
    r.out = PlanJson(req, in, actions, wanted.value());
  } else if (req.verbosity >= 3) {
    r.out += DiscoveryDetails(in.found);
    for (const auto& e : explain) r.out += e + "\n";
  }

  // Execute and persist.
  const KernelPathStates states = ReadKernelPathStates(env.dm, actions);
  TunePaths(env, setup->config(), actions, wanted.value(), in.found.paths, req.dry_run);
  std::vector<Status> results =
      ExecuteActions(env.dm, actions, wanted.value(), env.log, req.dry_run);
  int failures = 0;
  std::vector<const MultipathMap*> created;
  for (size_t k = 0; k < actions.size(); ++k) {
    if (!results[k].ok()) {
      ++failures;
    } else if (!req.dry_run && actions[k].kind == ActionKind::kCreate) {
      created.push_back(&wanted.value()[actions[k].wanted].map);
    }
  }
  if (!req.json)
    RenderActions(req, actions, results, wanted.value(), in.found.paths, states,
                  DmStateWidth(in.current, in.found.paths), &r.out);
  if (!req.dry_run) {
    Persisted p = PersistState(env.files, req.bindings_file.value_or(env.paths.bindings_file),
                               *in.namer, env.paths.wwids_file, in.wwids, created, env.log);
    failures += p.failures;
    for (const MultipathMap* m : p.remembered) {
      std::string note = TriggerPathUevents(env, *m, in.found.paths);
      if (req.verbosity >= 3 && !note.empty()) {
        r.out += m->name + ": change uevent for " + note + "\n";
      }
    }
    WarnIfNoDaemon(env, !in.current.empty() || !created.empty());
  }
  if (failures > 0) r.exit_code = 1;
  return r;
}

}  // namespace mpx
