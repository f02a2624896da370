// Decoding SCSI sense data (SPC-4 4.5): fixed (0x70/0x71) and descriptor
// (0x72/0x73) formats. Pure; no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

namespace mpx::scsi {

struct Sense {
  uint8_t key = 0;  // e.g. 0x2 NOT READY, 0x6 UNIT ATTENTION
  uint8_t asc = 0;
  uint8_t ascq = 0;
};

// nullopt when the bytes are not sense data of a known format or too short.
std::optional<Sense> DecodeSense(std::span<const uint8_t> bytes);

}  // namespace mpx::scsi
