#include "kernel/clock.h"

#include <ctime>

namespace mpx {

MonoTime RealClock::Now() const {
  timespec ts{};
  ::clock_gettime(CLOCK_MONOTONIC, &ts);
  return MonoTime(static_cast<int64_t>(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000);
}

void RealClock::SleepFor(MonoTime d) {
  if (d.count() <= 0) return;
  timespec ts{static_cast<time_t>(d.count() / 1000000),
              static_cast<long>(d.count() % 1000000) * 1000};
  while (::nanosleep(&ts, &ts) != 0) {
  }
}

}  // namespace mpx
