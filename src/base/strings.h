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
// Parses an unsigned decimal number; nullopt on anything else (sign, junk, overflow).
std::optional<uint64_t> ParseU64(std::string_view s);

}  // namespace mpx
