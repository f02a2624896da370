// EMC CLARiiON/VNX/Unity: the emc_clariion checker and the emc prioritizer,
// both over VPD page 0xC0 (scsi/vendor_pages.h), as the reference reads it.
#pragma once

#include <optional>
#include <string>

#include "checker/checker.h"
#include "checker/prioritizer.h"
#include "scsi/vendor_pages.h"

namespace mpx {

// The checker's verdict on page 0xC0 alone: down for an unknown page
// format, a path not configured for failover, an unbound LU (or LUNZ) or a
// changed LU WWN (the first check remembers it in `memory`); shaky when the
// LU is not in normal operation. A passive path is up, or down when an
// active path of the map found an inactive snapshot. nullopt: this is the
// LU's active path, and a READ decides (ClariionReadVerdict).
std::optional<CheckResult> ClariionPageVerdict(const scsi::ClariionUnitPath& page,
                                               CheckerMemory& memory);

// The active path's verdict after its READ: up; down with "Read error"; or
// down, marking the map's LU as an inactive snapshot, on ILLEGAL REQUEST
// 25/01 (LOGICAL UNIT NOT SUPPORTED).
CheckResult ClariionReadVerdict(const scsi::ClariionUnitPath& page, PathState read,
                                const ScsiReply& read_reply, CheckerMemory& memory);

CheckResult EmcClariionCheck(ScsiIo& io, const std::string& devnode, Budget& budget,
                             CheckerMemory& memory);

// emc prioritizer: the LU state (0 unbound, 1 bound, 2 owned) plus 2 when
// this path leads to the LU's default owner; -1 when the page is unknown,
// the path not configured for failover or the LU not in normal operation.
PrioResult EmcPagePriority(const std::string& dev, const scsi::ClariionUnitPath& page);
PrioResult EmcPrio(const PrioRequest& request);

}  // namespace mpx
