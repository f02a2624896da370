// Partition maps (kpartx's linear maps over a disk or a multipath map) as
// the multipath tools see them when they remove or rename a multipath map:
// the reference removes a map's partition maps with it and renames them with
// it (multipath -f/-F, multipathd's remove, alias changes).
//   uuid   part<N>-<parent's uuid> (kpartx's scheme);
//   table  one linear target over the parent's device number.
// Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mpx {

// N when `uuid` is part<N>-<parent_uuid>; nullopt otherwise.
std::optional<int> PartitionNumber(std::string_view uuid, std::string_view parent_uuid);

// Whether `table` ("dmsetup table" form) is one linear target over the device
// major:minor.
bool IsLinearOver(std::string_view table, uint32_t major, uint32_t minor);

// The name a partition map takes when its multipath map is renamed from
// `old_name` to `new_name`, as the reference: the new name, the delimiter,
// then the partition name's tail from its first digit after the old name
// ("mpatha-part1" -> "data1"). The delimiter is partition_delimiter when set,
// else "p" when the new name ends in a digit, else none. nullopt for a
// partition map whose name does not start with the old name (left alone).
std::optional<std::string> RenamedPartitionMap(std::string_view part_name,
                                               std::string_view old_name, std::string_view new_name,
                                               const std::optional<std::string>& delimiter);

}  // namespace mpx
