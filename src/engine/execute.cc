#include "engine/execute.h"

#include <cerrno>

#include "engine/remove.h"
#include "policy/dm_table.h"

namespace mpx {
namespace {

// As the reference: a reload that is not forced tells udev the map is one it
// knows (no new scan).
MapUdevFlags UdevFlags(const MapAction& a, const WantedMap& w) {
  const bool reload = a.kind == ActionKind::kReload || a.kind == ActionKind::kRenameReload;
  return MapUdevFlags{
      .reload = reload && !a.forced, .no_kpartx = w.skip_kpartx, .no_paths = w.no_usable_path};
}

// The map, then its partition maps (unless skip_kpartx), as the reference.
Status Rename(DeviceMapper& dm, const MapAction& a, const WantedMap& w) {
  if (Status s = dm.Rename(a.current_name, w.map.name); !s.ok()) return s;
  if (w.skip_kpartx) return {};
  return RenamePartitionMaps(dm, a.current_name, w.map.name, w.partition_delimiter);
}

Status Apply(DeviceMapper& dm, const MapAction& a, const WantedMap& w, const std::string& table) {
  switch (a.kind) {
    case ActionKind::kCreate:
      return dm.Create(w.map.name, "mpath-" + w.map.wwid, table, {.udev = UdevFlags(a, w)});
    case ActionKind::kReload:
      return dm.Reload(a.current_name, table, UdevFlags(a, w));
    case ActionKind::kRename:
      return Rename(dm, a, w);
    case ActionKind::kRenameReload:
      if (Status s = Rename(dm, a, w); !s.ok()) return s;
      return dm.Reload(w.map.name, table, UdevFlags(a, w));
    case ActionKind::kNothing:
    case ActionKind::kConflict:
      break;
  }
  return {};
}

}  // namespace

std::vector<Status> ExecuteActions(DeviceMapper& dm, const std::vector<MapAction>& actions,
                                   const std::vector<WantedMap>& wanted, Logger& log,
                                   bool dry_run) {
  std::vector<Status> out;
  if (!dry_run) dm.BeginBatch();
  for (const MapAction& a : actions) {
    const WantedMap& w = wanted[a.wanted];
    if (a.kind == ActionKind::kConflict) {
      std::string msg = w.map.wwid + ": " + a.reason + "; map left alone";
      log.Error(msg);
      out.push_back(MakeError(msg, EEXIST));
      continue;
    }
    if (dry_run || a.kind == ActionKind::kNothing) {
      out.emplace_back();
      continue;
    }
    const std::string table = FormatTable(w.table);
    Status s = Apply(dm, a, w, table);
    if (!s.ok()) {
      log.Error(s.error().message);
    } else if (a.kind != ActionKind::kRename) {
      log.Notice(w.map.name + (a.kind == ActionKind::kCreate ? ": addmap [" : ": reload [") +
                 table + "]");
    }
    out.push_back(std::move(s));
  }
  if (!dry_run) dm.EndBatch();  // udev has made every node and link when this returns
  return out;
}

}  // namespace mpx
