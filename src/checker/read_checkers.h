// The checkers that read the first block: readsector0 (READ(10) over
// SG_IO) and directio (an O_DIRECT read through the block layer).
#pragma once

#include <string>

#include "checker/checker.h"

namespace mpx {

// The reference's sg_read: READ(10) of LBA 0 (one block, up to 4096 bytes),
// re-sent up to 3 times on UNIT ATTENTION. Up when GOOD; an ioctl failing
// with ENOMEM is up too (the reference reads it as a busy system, not a bad
// path); anything else down. The last reply comes along (emc_clariion reads
// its sense data).
struct SgReadResult {
  PathState state = PathState::kDown;
  std::optional<Error> error;  // the command could not be sent
  ScsiReply reply;
};
SgReadResult SgRead(ScsiIo& io, const std::string& devnode, Budget& budget);

// One READ(10) reply as sg_read sees it: up, down, or pending (UNIT
// ATTENTION: send it again).
PathState InterpretSgRead(const ScsiReply& reply);

CheckResult Readsector0Check(ScsiIo& io, const std::string& devnode, Budget& budget,
                             CheckerMemory& memory);

// directio: up when the whole block was read; down when the read failed, was
// short or did not finish within the budget.
CheckResult InterpretDirectRead(const BlockRead& read);
CheckResult DirectioCheck(ScsiIo& io, const std::string& devnode, Budget& budget,
                          CheckerMemory& memory);

}  // namespace mpx
