#include "scsi/sense.h"

namespace mpx::scsi {

std::optional<Sense> DecodeSense(std::span<const uint8_t> b) {
  if (b.empty()) return std::nullopt;
  const uint8_t code = b[0] & 0x7f;
  if (code == 0x70 || code == 0x71) {  // fixed: key byte 2, ASC/ASCQ bytes 12/13
    if (b.size() < 3) return std::nullopt;
    Sense s{static_cast<uint8_t>(b[2] & 0xf), 0, 0};
    if (b.size() >= 14) s.asc = b[12], s.ascq = b[13];
    return s;
  }
  if (code == 0x72 || code == 0x73) {  // descriptor: key, ASC, ASCQ in bytes 1-3
    if (b.size() < 4) return std::nullopt;
    return Sense{static_cast<uint8_t>(b[1] & 0xf), b[2], b[3]};
  }
  return std::nullopt;
}

}  // namespace mpx::scsi
