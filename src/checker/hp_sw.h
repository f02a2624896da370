// HP/COMPAQ/DEC HSG80 and MSA/HSV arrays in active/standby mode: the hp_sw
// checker and prioritizer, as the reference runs them.
#pragma once

#include <string>

#include "checker/checker.h"
#include "checker/prioritizer.h"

namespace mpx {

// hp_sw checker: INQUIRY of VPD page 0x80 must answer (down otherwise;
// ILLEGAL REQUEST: the checker does not fit), then TEST UNIT READY: GOOD is
// up, anything else ghost (the standby controller refuses TUR).
CheckResult HpSwCheck(ScsiIo& io, const std::string& devnode, Budget& budget,
                      CheckerMemory& memory);

// One TEST UNIT READY reply as the hp_sw prioritizer reads it: 4 active
// (GOOD or RECOVERED ERROR), 2 standby (NOT READY 04/02), 0 failed; -1:
// UNIT ATTENTION 29/xx (a reset), send it again.
int HpSwTurPriority(const ScsiReply& reply);
PrioResult HpSwPrio(const PrioRequest& request);

}  // namespace mpx
