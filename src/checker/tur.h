// The tur and cciss_tur checkers: TEST UNIT READY, interpreted as the
// reference does.
#pragma once

#include <string>

#include "checker/checker.h"

namespace mpx {

// One TEST UNIT READY reply: GOOD or RESERVATION CONFLICT (SCSI-3 arrays may
// answer TUR so) → up; NOT READY with ASC/ASCQ 04/0b (target port in
// standby) → ghost; UNIT ATTENTION or a transport error other than
// DID_NO_CONNECT, DID_BAD_TARGET, DID_ABORT, DID_TRANSPORT_FAILFAST →
// pending (send it again); anything else → down.
PathState InterpretTur(const ScsiReply& reply);

// tur: TEST UNIT READY, sent up to 5 times while the reply says to send it
// again (and the budget lasts); a reply still saying so is down.
CheckResult TurCheck(ScsiIo& io, const std::string& devnode, Budget& budget, CheckerMemory& memory);

// cciss_tur: TEST UNIT READY through the CCISS pass-through; any controller
// or SCSI status other than 0 is down.
CheckResult CcissTurCheck(ScsiIo& io, const std::string& devnode, Budget& budget,
                          CheckerMemory& memory);

// The tur checker with a 30 s timeout, for callers from before the checker
// table. `message` (optional) says why a path is not up.
PathState RunTurChecker(ScsiIo& io, const std::string& devnode, std::string* message);

}  // namespace mpx
