// Unsigned integers as the partition labels store them: little-endian (DOS,
// GPT, BSD, Solaris, UnixWare) or big-endian (Sun, Mac, PS3).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace mpx {

// The `bytes`-byte integer at `at` (the caller keeps it in range).
inline uint64_t LittleEndian(std::span<const uint8_t> b, size_t at, int bytes) {
  uint64_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = v << 8 | b[at + static_cast<size_t>(i)];
  return v;
}
inline uint64_t BigEndian(std::span<const uint8_t> b, size_t at, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v = v << 8 | b[at + static_cast<size_t>(i)];
  return v;
}

}  // namespace mpx
