// FakeClock: time that moves only when a test says so.
#pragma once

#include "kernel/clock.h"

namespace mpx::testing {

class FakeClock : public Clock {
 public:
  explicit FakeClock(MonoTime start = MonoTime(1000000000)) : now_(start) {}
  MonoTime Now() const override { return now_; }
  void SleepFor(MonoTime d) override { now_ += d; }
  void Advance(MonoTime d) { now_ += d; }
  void AdvanceSeconds(double s) { now_ += FromSeconds(s); }
  void Set(MonoTime t) { now_ = t; }

 private:
  MonoTime now_;
};

}  // namespace mpx::testing
