#include "engine/current_maps.h"

#include <cerrno>

#include "policy/dm_table.h"

namespace mpx {

Result<std::vector<CurrentMap>> ReadCurrentMaps(DeviceMapper& dm) {
  auto list = dm.List("multipath");
  if (!list.ok()) return list.error();
  std::vector<CurrentMap> out;
  out.reserve(list->size());
  for (auto& info : list.value()) {
    auto line = dm.Table(info.name);
    if (!line.ok()) {
      if (line.error().code == ENXIO) continue;  // removed meanwhile
      return line.error();
    }
    CurrentMap c{std::move(info), std::nullopt};
    if (auto t = ParseTable(line.value()); t.ok()) c.table = std::move(t).value();
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace mpx
