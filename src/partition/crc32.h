// CRC-32 (IEEE 802.3, reflected, as zlib's crc32), which GPT headers and
// entry arrays carry.
#pragma once

#include <cstdint>
#include <span>

namespace mpx {

uint32_t Crc32(std::span<const uint8_t> bytes);

}  // namespace mpx
