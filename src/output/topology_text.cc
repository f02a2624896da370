#include "output/topology_text.h"

#include <algorithm>
#include <cstdio>

namespace mpx {
namespace {

struct Columns {
  size_t hctl = 0, dev = 0, devt = 0;
};

std::string PadRight(const std::string& s, size_t width) {
  return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

// A path the kernel's table names but sysfs no longer shows has no H:C:T:L.
std::string HctlText(const Path& p) { return p.hctl.host < 0 ? "#:#:#:#" : p.hctl.ToString(); }

Columns Measure(const MultipathMap& map, const PathSet& paths) {
  Columns c;
  for (const auto& g : map.groups) {
    for (PathId i : g.paths) {
      const Path& p = paths.at(i);
      c.hctl = std::max(c.hctl, HctlText(p).size());
      c.dev = std::max(c.dev, p.dev.size());
      c.devt = std::max(c.devt, p.DevT().size());
    }
  }
  return c;
}

}  // namespace

std::string FormatSize(uint64_t sectors) {
  static const char kUnits[] = {'K', 'M', 'G', 'T', 'P'};
  double s = static_cast<double>(
      sectors / 2);  // whole KiB, as the reference  // NOLINT(bugprone-integer-division)
  size_t u = 0;
  while (s >= 1024 && u + 1 < sizeof kUnits) {
    s /= 1024;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f%c", s < 10 ? 1 : 0, s, kUnits[u]);
  return buf;
}

std::string FormatTopology(const MultipathMap& map, const PathSet& paths,
                           const TopologyStyle& style) {
  std::string out;
  if (style.action) out += *style.action + ": ";
  out += map.name;
  if (map.name != map.wwid) out += " (" + map.wwid + ")";
  out += " " + style.dm_node + " " + map.vendor + "," + map.model + "\n";
  out += "size=" + FormatSize(map.size_sectors) + " features='" + map.features + "' hwhandler='" +
         map.hwhandler + "' wp=" + style.wp + "\n";
  const Columns cols = Measure(map, paths);
  for (size_t g = 0; g < map.groups.size(); ++g) {
    const bool last_group = g + 1 == map.groups.size();
    const PathGroup& pg = map.groups[g];
    out += std::string(last_group ? "`-+- " : "|-+- ") + "policy='" + pg.selector +
           "' prio=" + std::to_string(pg.priority) +
           " status=" + (pg.dm_state.empty() ? style.status : pg.dm_state) + "\n";
    for (size_t k = 0; k < pg.paths.size(); ++k) {
      const Path& p = paths.at(pg.paths[k]);
      out += last_group ? "  " : "| ";
      out += k + 1 == pg.paths.size() ? "`- " : "|- ";
      const std::string& dm = k < pg.path_dm_states.size() ? pg.path_dm_states[k] : style.status;
      out += PadRight(HctlText(p), cols.hctl) + " " + PadRight(p.dev, cols.dev) + " " +
             PadRight(p.DevT(), cols.devt) + " " + PadRight(dm, style.dm_state_width) + " " +
             std::string(CheckerStateName(p.checker_state)) + " " + p.sysfs_state + "\n";
    }
  }
  return out;
}

}  // namespace mpx
