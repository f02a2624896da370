#include "scsi/rtpg.h"

#include <cerrno>
#include <string>

namespace mpx::scsi {
namespace {

uint32_t Be32(std::span<const uint8_t> b, size_t at) {
  return (uint32_t{b[at]} << 24) | (uint32_t{b[at + 1]} << 16) | (uint32_t{b[at + 2]} << 8) |
         b[at + 3];
}
uint16_t Be16(std::span<const uint8_t> b, size_t at) {
  return static_cast<uint16_t>((b[at] << 8) | b[at + 1]);
}

Error Bad(const std::string& what, size_t offset) {
  return MakeError(
      "REPORT TARGET PORT GROUPS reply: " + what + " at offset " + std::to_string(offset), EINVAL);
}

}  // namespace

std::vector<uint8_t> RtpgCdb(uint32_t len) {
  return {0xa3,
          0x0a,
          0,
          0,
          0,
          0,
          static_cast<uint8_t>(len >> 24),
          static_cast<uint8_t>(len >> 16),
          static_cast<uint8_t>(len >> 8),
          static_cast<uint8_t>(len),
          0,
          0};
}

Result<std::vector<TargetPortGroup>> ParseRtpg(std::span<const uint8_t> r, size_t* needed) {
  if (r.size() < 4) return Bad("header of " + std::to_string(r.size()) + " bytes", 0);
  size_t total = size_t{Be32(r, 0)} + 4;
  if (needed != nullptr) *needed = total;
  if (total > r.size()) {
    return MakeError("REPORT TARGET PORT GROUPS reply: " + std::to_string(total) +
                         " bytes announced, " + std::to_string(r.size()) + " received",
                     EOVERFLOW);
  }
  size_t pos = 4;
  if (r.size() > 4 && (r[4] & 0x70) == 0x10) pos = 8;  // extended header
  std::vector<TargetPortGroup> groups;
  while (pos < total) {
    if (total - pos < 8) return Bad("descriptor header cut short", pos);
    TargetPortGroup g;
    g.preferred = (r[pos] & 0x80) != 0;
    g.state = static_cast<AluaState>(r[pos] & 0x0f);
    g.id = Be16(r, pos + 2);
    size_t ports = r[pos + 7];
    if (total - pos - 8 < ports * 4) return Bad("target port list beyond the reply", pos);
    for (size_t i = 0; i < ports; ++i) g.relative_ports.push_back(Be16(r, pos + 8 + 4 * i + 2));
    groups.push_back(std::move(g));
    pos += 8 + ports * 4;
  }
  return groups;
}

int AluaPriority(AluaState state, bool preferred, bool exclusive_pref_bit) {
  int prio = 0;
  switch (state) {
    case AluaState::kActiveOptimized:
      prio = 50;
      break;
    case AluaState::kActiveNonOptimized:
      prio = 10;
      break;
    case AluaState::kLbaDependent:
      prio = 5;
      break;
    case AluaState::kStandby:
      prio = 1;
      break;
    default:
      break;
  }
  if (preferred && (state != AluaState::kActiveOptimized || exclusive_pref_bit)) prio += 80;
  return prio;
}

const char* AluaStateName(AluaState s) {
  switch (s) {
    case AluaState::kActiveOptimized:
      return "active/optimized";
    case AluaState::kActiveNonOptimized:
      return "active/non-optimized";
    case AluaState::kStandby:
      return "standby";
    case AluaState::kUnavailable:
      return "unavailable";
    case AluaState::kLbaDependent:
      return "lba-dependent";
    case AluaState::kOffline:
      return "offline";
    case AluaState::kTransitioning:
      return "transitioning";
  }
  return "reserved";
}

}  // namespace mpx::scsi
