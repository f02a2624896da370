// Path prioritizers and detect_prio, as the reference runs them:
//   const  every path 1
//   sysfs  the kernel's ALUA access_state (scsi_dh_alua attached)
//   alua   REPORT TARGET PORT GROUPS over SG_IO, the path's group state
// detect_prio (on by default): ALUA devices (INQUIRY TPGS != 0) get sysfs
// when access_state exists, else alua; other devices keep the configured one.
#pragma once

#include <string>
#include <string_view>

#include "kernel/scsi_io.h"
#include "model/path.h"

namespace mpx {

enum class PrioKind { kConst, kSysfs, kAlua };

std::string_view PrioKindName(PrioKind k);
PrioKind DetectPrio(const Path& p, PrioKind configured = PrioKind::kConst);

// Sets p.prioritizer and p.priority (0 with p.prio_message on failure, as
// the reference gives a path whose prioritizer fails no weight).
void Prioritize(PrioKind kind, ScsiIo& io, Path& p);

}  // namespace mpx
