#include "engine/shape.h"

#include <algorithm>
#include <cerrno>

#include "policy/dm_table.h"
#include "policy/topology.h"

namespace mpx {
namespace {

// Whether the kernel's table of `m` has every path of `c`.
bool HoldsEveryPath(const CurrentMap& m, const CandidateMap& c) {
  if (!m.table) return false;
  return std::all_of(c.paths.begin(), c.paths.end(),
                     [&](PathId id) { return m.table->Holds(id.ToString()); });
}

// The map of `wwid` among the current ones, nullptr when there is none.
const CurrentMap* FindCurrent(const std::vector<CurrentMap>& current, const std::string& wwid) {
  const std::string uuid = "mpath-" + wwid;
  for (const CurrentMap& m : current) {
    if (m.info.uuid == uuid) return &m;
  }
  return nullptr;
}

std::string WithoutDev(const std::string& arg) {
  return arg.rfind("/dev/", 0) == 0 ? arg.substr(5) : arg;
}

bool Selects(const std::string& arg, const CandidateMap& m, const PathSet& paths,
             const std::vector<CurrentMap>& current) {
  if (arg == m.wwid) return true;
  for (const auto& c : current) {
    if (c.info.name == arg && c.info.uuid == "mpath-" + m.wwid) return true;
  }
  const std::string dev = WithoutDev(arg);
  return std::any_of(m.paths.begin(), m.paths.end(),
                     [&](PathId i) { return paths.at(i).dev == dev || i.ToString() == arg; });
}

}  // namespace

MultipathVerdict FindMultipathsVerdict(FindMultipaths policy, const CandidateMap& c, bool exists,
                                       bool named, const WwidsFile& wwids, bool ignore_wwids) {
  if (exists) return {true, c.wwid + ": the map exists"};
  const std::string name = policy == FindMultipaths::kStrict   ? "strict"
                           : policy == FindMultipaths::kGreedy ? "greedy"
                           : policy == FindMultipaths::kOff    ? "off"
                           : policy == FindMultipaths::kSmart  ? "smart"
                                                               : "on";
  switch (policy) {
    case FindMultipaths::kGreedy:
    // off: creating maps, the reference is greedy (measured in the lab,
    // tests/lab/answers.sh), though its -c/-u answer as strict.
    case FindMultipaths::kOff:
      return {true, c.wwid + ": every LUN is multipathed (find_multipaths " + name + ")"};
    case FindMultipaths::kOn:
    case FindMultipaths::kSmart:
      if (c.paths.size() > 1) {
        return {true, c.wwid + ": " + std::to_string(c.paths.size()) + " paths (find_multipaths " +
                          name + ")"};
      }
      [[fallthrough]];
    case FindMultipaths::kStrict:
      if (ignore_wwids) return {true, c.wwid + ": the wwids file is ignored (-i)"};
      if (named) return {true, c.wwid + ": named on the command line"};
      if (Contains(wwids, c.wwid)) {
        return {true, c.wwid + ": in the wwids file (find_multipaths " + name + ")"};
      }
      return {false, c.wwid + ": not in wwids file, skipping (find_multipaths " +
                         (policy == FindMultipaths::kStrict ? "strict" : "on") + ")"};
  }
  return {true, ""};
}

Status SelectArgs(const std::vector<std::string>& args, const PathSet& paths,
                  const std::vector<SkippedDevice>& skipped, const std::vector<CurrentMap>& current,
                  std::vector<CandidateMap>& candidates) {
  if (args.empty()) return {};
  for (const auto& a : args) {
    if (std::any_of(candidates.begin(), candidates.end(),
                    [&](const CandidateMap& m) { return Selects(a, m, paths, current); })) {
      continue;
    }
    const std::string dev = WithoutDev(a);
    for (const auto& s : skipped) {
      if (s.dev == dev) return MakeError(a + ": not a multipath path: " + s.reason, ENODEV);
    }
    return MakeError(a + ": no such path, WWID or map", ENODEV);
  }
  std::erase_if(candidates, [&](const CandidateMap& m) {
    return std::none_of(args.begin(), args.end(),
                        [&](const std::string& a) { return Selects(a, m, paths, current); });
  });
  return {};
}

Chosen ChooseMaps(const Config& config, FindMultipaths policy, std::vector<CandidateMap> candidates,
                  const PathSet& paths, const std::vector<CurrentMap>& current,
                  const WwidsFile& wwids, const ShapeOptions& o) {
  Chosen out;
  for (auto& c : candidates) {
    const CurrentMap* existing = FindCurrent(current, c.wwid);
    const bool exists = existing != nullptr;
    if (exists && o.keep_settled_maps && HoldsEveryPath(*existing, c)) {
      out.explain.push_back(c.wwid + ": every path is in map " + existing->info.name +
                            " already: left as it is (-r reloads it)");
      continue;
    }
    MultipathVerdict v = FindMultipathsVerdict(policy, c, exists, o.named, wwids, o.ignore_wwids);
    if (v.multipath) {
      out.maps.push_back(std::move(c));
    } else {
      out.explain.push_back(v.why);
    }
  }
  for (const auto& c : out.maps) {
    MapConfig mc = ResolveMapConfig(config, paths.at(c.paths.front()), c.wwid);
    if (o.grouping) mc.settings.grouping = *o.grouping;
    if (!o.allow_queueing && !o.daemon_running && mc.table.queue_if_no_path != false) {
      // Without multipathd a map must not queue forever.
      mc.table.queue_if_no_path = false;
    }
    out.configs.push_back(std::move(mc));
  }
  return out;
}

namespace {

// Whether a path may carry I/O as far as anyone knows: the reference counts
// paths up, ghost or pending; a path not checked (undef) counts here too,
// so that only a map known to be dead is kept from udev's scan.
bool AnyPathUsable(const CandidateMap& c, const PathSet& paths) {
  return std::any_of(c.paths.begin(), c.paths.end(),
                     [&](PathId id) { return MayCarryIo(paths.at(id).checker_state); });
}

}  // namespace

Result<std::vector<WantedMap>> BuildWanted(const Chosen& chosen, const PathSet& paths, Namer& namer,
                                           std::vector<std::string>* explain) {
  std::vector<WantedMap> wanted;
  for (size_t k = 0; k < chosen.maps.size(); ++k) {
    const MapConfig& mc = chosen.configs[k];
    explain->insert(explain->end(), mc.explain.begin(), mc.explain.end());
    WantedMap w;
    w.map = BuildMap(chosen.maps[k], paths, mc.settings);
    std::string why;
    w.map.name = namer.NameFor(mc, chosen.maps[k].wwid, &why);
    explain->push_back(chosen.maps[k].wwid + ": alias = " + w.map.name + " " + why);
    auto table = BuildTable(w.map, paths, mc.table);
    if (!table.ok()) return MakeError(w.map.name + ": " + table.error().message, EINVAL);
    w.table = std::move(table).value();
    w.map.features = std::to_string(w.table.features.size());
    for (const auto& f : w.table.features) w.map.features += " " + f;
    w.skip_kpartx = mc.skip_kpartx;
    w.partition_delimiter = mc.partition_delimiter;
    w.no_usable_path = !AnyPathUsable(chosen.maps[k], paths);
    wanted.push_back(std::move(w));
  }
  return wanted;
}

void HoldGhostMaps(const Chosen& chosen, std::vector<WantedMap>& wanted, const PathSet& paths,
                   const std::vector<CurrentMap>& current) {
  for (size_t k = 0; k < wanted.size() && k < chosen.configs.size(); ++k) {
    WantedMap& w = wanted[k];
    const int delay = chosen.configs[k].ghost_delay;
    if (delay <= 0 || FindCurrent(current, w.map.wwid) != nullptr) continue;
    bool up = false, ghost = false;
    for (const PathGroup& g : w.map.groups) {
      for (PathId id : g.paths) {
        const PathState s = paths.at(id).checker_state;
        up = up || s == PathState::kUp;
        ghost = ghost || s == PathState::kGhost;
      }
    }
    if (ghost && !up) {
      w.ghost_delay = delay;
      w.no_usable_path = true;
    }
  }
}

}  // namespace mpx
