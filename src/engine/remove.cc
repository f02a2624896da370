#include "engine/remove.h"

#include <cerrno>

#include "policy/partition_maps.h"

namespace mpx {
namespace {

Status InUse(const DmMapInfo& m) {
  return MakeError(
      m.name + ": map in use (open count " + std::to_string(m.open_count) + "), not removed",
      EBUSY);
}

// Busy when a partition map is open, or when something other than its
// partition maps holds the map open.
Status CheckUnused(const DmMapInfo& map, const std::vector<DmMapInfo>& parts) {
  for (const DmMapInfo& p : parts) {
    if (p.open_count > 0) return InUse(p);
  }
  if (map.open_count > static_cast<int>(parts.size())) return InUse(map);
  return {};
}

}  // namespace

Result<std::vector<DmMapInfo>> PartitionMapsOf(DeviceMapper& dm, const DmMapInfo& parent) {
  std::vector<DmMapInfo> out;
  if (parent.uuid.empty()) return out;
  auto maps = dm.List("linear");
  if (!maps.ok()) return maps.error();
  for (DmMapInfo& m : *maps) {
    if (!PartitionNumber(m.uuid, parent.uuid)) continue;
    auto table = dm.Table(m.name);
    if (table.ok() && IsLinearOver(*table, parent.major, parent.minor)) out.push_back(std::move(m));
  }
  return out;
}

Status RemoveUnusedMap(DeviceMapper& dm, Clock& clock, const std::string& name, int retries) {
  for (int attempt = 0;; ++attempt) {
    auto info = dm.Info(name);
    if (!info.ok()) return info.error();
    auto parts = PartitionMapsOf(dm, *info);
    if (!parts.ok()) return parts.error();
    Status s = CheckUnused(*info, *parts);
    for (const DmMapInfo& p : *parts) {
      if (!s.ok()) break;
      s = dm.Remove(p.name, RemoveMode::kNow);
    }
    if (s.ok()) s = dm.Remove(name, RemoveMode::kNow);
    if (s.ok() || s.error().code != EBUSY || attempt >= retries) return s;
    clock.SleepFor(std::chrono::seconds(1));
  }
}

Status RemoveMapDeferred(DeviceMapper& dm, const std::string& name) {
  auto info = dm.Info(name);
  if (!info.ok()) return info.error();
  auto parts = PartitionMapsOf(dm, *info);
  if (!parts.ok()) return parts.error();
  for (const DmMapInfo& p : *parts) {
    if (Status s = dm.Remove(p.name, RemoveMode::kDeferred); !s.ok()) return s;
  }
  return dm.Remove(name, RemoveMode::kDeferred);
}

Status RenamePartitionMaps(DeviceMapper& dm, const std::string& old_name,
                           const std::string& new_name,
                           const std::optional<std::string>& delimiter) {
  auto info = dm.Info(new_name);
  if (!info.ok()) return info.error();
  auto parts = PartitionMapsOf(dm, *info);
  if (!parts.ok()) return parts.error();
  Status result;
  for (const DmMapInfo& p : *parts) {
    auto renamed = RenamedPartitionMap(p.name, old_name, new_name, delimiter);
    if (!renamed || *renamed == p.name) continue;
    if (Status s = dm.Rename(p.name, *renamed); !s.ok() && result.ok()) result = s;
  }
  return result;
}

}  // namespace mpx
