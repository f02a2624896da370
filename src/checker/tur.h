// The tur path checker: TEST UNIT READY, interpreted as the reference does.
#pragma once

#include <string>
#include <string_view>

#include "kernel/scsi_io.h"
#include "model/path.h"

namespace mpx {

// One reply: GOOD → up; NOT READY with ASC/ASCQ 04/0b (target port in
// standby) → ghost; UNIT ATTENTION → pending (the caller retries); any other
// check condition or transport error → down.
PathState InterpretTur(const ScsiReply& reply);

// Sends TEST UNIT READY (retrying unit attentions up to 3 times). `message`
// says why a path is not up.
PathState RunTurChecker(ScsiIo& io, const std::string& devnode, std::string* message);

}  // namespace mpx
