#include "cli/kpartx_id.h"

#include <algorithm>

namespace mpx {
namespace {

bool StartsWithNine(uint32_t major) {
  while (major >= 10) major /= 10;
  return major == 9;
}

std::string DeviceType(const std::vector<uint32_t>& majors) {
  auto any = [&](auto pred) { return std::any_of(majors.begin(), majors.end(), pred); };
  if (any([](uint32_t m) { return m == 94; })) return "ccw";
  if (any([](uint32_t m) { return (m >= 104 && m <= 110) || m == 112; })) return "cciss";
  if (any(StartsWithNine)) return "raid";
  return "scsi";
}

}  // namespace

std::string KpartxIdProperties(std::string_view uuid, const KpartxIdLookup& lookup) {
  const size_t dash = uuid.find('-');
  const std::string kind(uuid.substr(0, dash));
  const std::string rest(dash == std::string_view::npos ? uuid : uuid.substr(dash + 1));
  std::string out;
  std::string part;
  std::string serial;
  std::optional<KpartxIdMap> deps;
  if (kind.starts_with("part")) {
    part = kind.substr(4);
    auto parent = lookup(rest);
    out += "DM_MPATH=" + (parent ? parent->name : std::string()) + "\n";
    if (rest.starts_with("mpath-")) {
      deps = std::move(parent);
      serial = rest.substr(6);
    }
  } else if (kind == "mpath") {
    serial = rest;
    deps = lookup(std::string(uuid));
  }
  if (!part.empty()) out += "DM_PART=" + part + "\n";
  const std::string type = deps ? DeviceType(deps->dep_majors) : "raid";
  out += "DM_TYPE=" + type + "\n";
  if (type == "scsi") out += "DM_WWN=0x" + (serial.empty() ? serial : serial.substr(1)) + "\n";
  if (!serial.empty()) out += "DM_SERIAL=" + serial + "\n";
  return out;
}

}  // namespace mpx
