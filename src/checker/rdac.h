// LSI/Engenio/NetApp E-Series (RDAC): the rdac checker and prioritizer over
// VPD page 0xC9 (scsi/vendor_pages.h), and the TAS bit the reference's
// checker sets when it starts on a path.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "checker/checker.h"
#include "checker/prioritizer.h"
#include "scsi/vendor_pages.h"

namespace mpx {

// The checker's verdict on page 0xC9: down when no LU is connected, and,
// when the page carries port group data, when this controller's port is
// unavailable (the message says why: in reset, downloading firmware, ...)
// or alone in transition (booting); else up when this controller owns the
// volume or ships I/O to the owner, ghost when not.
CheckResult RdacPageVerdict(const scsi::RdacVolumeAccess& page);

CheckResult RdacCheck(ScsiIo& io, const std::string& devnode, Budget& budget,
                      CheckerMemory& memory);

// rdac prioritizer: 2 when this controller owns the volume, +4 on the
// volume's preferred path (+1 on its secondary path), +8 with I/O shipping;
// 0 with a message when the page cannot be read or is not page 0xC9.
PrioResult RdacPagePriority(const std::string& dev, const scsi::RdacVolumeAccess& page);
PrioResult RdacPrio(const PrioRequest& request);

// TAS (task aborted status, control mode page bit): set when the current
// MODE SENSE(10) data has it; settable when the changeable data has it.
bool TasBit(std::span<const uint8_t> control_page_reply);
// The MODE SELECT(10) data that sets TAS: the current data with the page
// header rewritten, the bit set, and the reserved mode data length zeroed
// (the reference sends it as MODE SENSE returned it).
std::vector<uint8_t> TasSelectData(std::span<const uint8_t> current);
// Sets TAS on the device when it is not set and can be, as the reference's
// rdac checker does once per path before its first check. False when it
// stays unset (the reference logs "rdac checker failed to set TAS bit").
bool RdacEnableTas(ScsiIo& io, const std::string& devnode, std::chrono::milliseconds timeout);

}  // namespace mpx
