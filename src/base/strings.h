// Small string helpers shared by decoders, parsers and printers.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mpx {

// Removes leading and trailing whitespace (space, tab, newline, NUL).
std::string_view Trim(std::string_view s);
std::vector<std::string_view> Split(std::string_view s, char sep);
bool StartsWith(std::string_view s, std::string_view prefix);
// Lowercase hex of the bytes, no separators.
std::string HexLower(std::span<const uint8_t> bytes);

// The bytes of s (a binary attribute read into a string), as SCSI decoders take them.
inline std::span<const uint8_t> AsBytes(const std::string& s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}
// Parses an unsigned decimal number; nullopt on anything else (sign, junk, overflow).
std::optional<uint64_t> ParseU64(std::string_view s);

}  // namespace mpx
