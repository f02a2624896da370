// PathId: a path's stable identity, its block device number (dev_t). Paths
// come and go while a daemon runs; maps refer to their paths by PathId, so
// nothing is renumbered when one leaves.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace mpx {

struct PathId {
  uint32_t major = 0;
  uint32_t minor = 0;
  bool operator==(const PathId&) const = default;
  // (A defaulted <=> trips clang-tidy 14's modernize-use-nullptr.)
  bool operator<(const PathId& o) const {
    return major != o.major ? major < o.major : minor < o.minor;
  }
  // "8:16", as dm tables and sysfs write it.
  std::string ToString() const { return std::to_string(major) + ":" + std::to_string(minor); }
  // "8:16" → {8, 16}; nullopt for anything else.
  static std::optional<PathId> Parse(std::string_view text);
};

}  // namespace mpx

template <>
struct std::hash<mpx::PathId> {
  size_t operator()(const mpx::PathId& id) const noexcept {
    return std::hash<uint64_t>()(static_cast<uint64_t>(id.major) << 32 | id.minor);
  }
};
