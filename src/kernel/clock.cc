#include "kernel/clock.h"

#include <ctime>

namespace mpx {

MonoTime RealClock::Now() const {
  timespec ts{};
  ::clock_gettime(CLOCK_MONOTONIC, &ts);
  return MonoTime(static_cast<int64_t>(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000);
}

}  // namespace mpx
