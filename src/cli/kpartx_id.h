// kpartx_id: the udev properties that name a partition map's links (udev's
// 56-dm-parts rule imports them), as the reference's kpartx_id script gives
// them for a device-mapper uuid:
//   part<N>-<parent uuid>  DM_MPATH=<parent's name>, DM_PART=<N>;
//   and when the parent (or the map itself) is mpath-<wwid>:
//     DM_TYPE  from the devices under it: ccw (major 94), cciss (104-110,
//              112), raid (a major whose number starts with 9), else scsi;
//     DM_WWN   0x<wwid without its first digit> (scsi only);
//     DM_SERIAL <wwid>;
//   anything else: DM_TYPE=raid.
// Pure: the caller looks maps up by uuid.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mpx {

// A map as kpartx_id asks about it: its name and the majors of the devices
// its table holds.
struct KpartxIdMap {
  std::string name;
  std::vector<uint32_t> dep_majors;
};
using KpartxIdLookup = std::function<std::optional<KpartxIdMap>(const std::string& uuid)>;

// KEY=VALUE lines, in the reference's order.
std::string KpartxIdProperties(std::string_view uuid, const KpartxIdLookup& lookup);

}  // namespace mpx
