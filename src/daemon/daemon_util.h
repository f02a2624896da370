// Small helpers the Daemon's source files share (not part of its interface).
#pragma once

#include <algorithm>
#include <string>

#include "model/path.h"

namespace mpx {

inline bool Usable(PathState s) { return s == PathState::kUp || s == PathState::kGhost; }

// Seconds to the next check, as the reference: reset to polling_interval on
// a change, doubled while a path stays up (or ghost), up to the maximum.
inline int NextInterval(PathState before, PathState after, int interval, int polling,
                        int max_polling) {
  if (before != after || !Usable(after) || interval <= 0) return polling;
  return std::min(interval * 2, std::max(max_polling, polling));
}

inline std::string DevT(PathId id) { return id.ToString(); }

}  // namespace mpx
