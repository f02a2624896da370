// Decoding standard INQUIRY data (SPC-4 6.6.2), as sysfs shows it in a SCSI
// device's `inquiry` attribute. Pure; no I/O.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "base/result.h"

namespace mpx::scsi {

struct StandardInquiry {
  uint8_t qualifier = 0;    // byte 0 bits 7-5
  uint8_t device_type = 0;  // byte 0 bits 4-0: 0 disk, 5 CD/DVD, 0xc RAID, ...
  uint8_t tpgs = 0;         // byte 5 bits 5-4: ALUA support (1 implicit, 2 explicit, 3 both)
  std::string vendor;       // bytes 8-15, trailing spaces dropped
  std::string product;      // bytes 16-31
  std::string revision;     // bytes 32-35
};

// EINVAL when fewer than 36 bytes.
Result<StandardInquiry> DecodeStandardInquiry(std::span<const uint8_t> data);

}  // namespace mpx::scsi
