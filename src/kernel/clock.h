// Clock: monotonic time (CLOCK_MONOTONIC, the clock udev's USEC_INITIALIZED
// uses too), behind an interface so that timing logic runs over a fake clock
// in tests (testing/fake_clock.h).
#pragma once

#include <chrono>

namespace mpx {

// Microseconds since boot on CLOCK_MONOTONIC.
using MonoTime = std::chrono::microseconds;

inline double Seconds(MonoTime t) { return static_cast<double>(t.count()) / 1e6; }
inline MonoTime FromSeconds(double s) { return MonoTime(static_cast<int64_t>(s * 1e6)); }

class Clock {
 public:
  virtual ~Clock() = default;
  virtual MonoTime Now() const = 0;
  // Waits (a fake clock only moves on).
  virtual void SleepFor(MonoTime d) = 0;
};

class RealClock : public Clock {
 public:
  MonoTime Now() const override;
  void SleepFor(MonoTime d) override;
};

}  // namespace mpx
