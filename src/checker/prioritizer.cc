#include "checker/prioritizer.h"

#include "policy/prio.h"
#include "scsi/rtpg.h"

namespace mpx {

std::string_view PrioKindName(PrioKind k) {
  switch (k) {
    case PrioKind::kSysfs:
      return "sysfs";
    case PrioKind::kAlua:
      return "alua";
    case PrioKind::kConst:
      break;
  }
  return "const";
}

PrioKind DetectPrio(const Path& p, PrioKind configured) {
  if (p.tpgs == 0) return configured;
  return p.alua_state.empty() ? PrioKind::kAlua : PrioKind::kSysfs;
}

void Prioritize(PrioKind kind, ScsiIo& io, Path& p) {
  p.prioritizer = std::string(PrioKindName(kind));
  p.prio_message.clear();
  switch (kind) {
    case PrioKind::kConst:
      p.priority = 1;
      return;
    case PrioKind::kSysfs:
      p.priority = AluaStatePriority(p.alua_state);
      if (p.preferred.value_or(false) && p.alua_state != "active/optimized") p.priority += 80;
      return;
    case PrioKind::kAlua:
      break;
  }
  p.priority = 0;
  if (!p.tpg) {
    p.prio_message = p.dev + ": alua: no target port group in VPD page 0x83";
    return;
  }
  auto reply = io.ReportTargetPortGroups(p.devnode);
  if (!reply.ok()) {
    p.prio_message = reply.error().message;
    return;
  }
  auto groups = scsi::ParseRtpg(reply.value());
  if (!groups.ok()) {
    p.prio_message = p.dev + ": " + groups.error().message;
    return;
  }
  for (const auto& g : groups.value()) {
    if (g.id == *p.tpg) {
      p.priority = scsi::AluaPriority(g.state, g.preferred);
      return;
    }
  }
  p.prio_message = p.dev + ": alua: target port group " + std::to_string(*p.tpg) + " not reported";
}

}  // namespace mpx
