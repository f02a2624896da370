// Shaky paths: whether a path that works again may be reinstated now, as
// multipath.conf(5) 0.9.4 "Shaky paths detection" describes (pure; the
// daemon keeps one PathHealth per path and asks after every check).
//
//   san_path_err_threshold/_forget_rate/_recovery_time (all three > 0): a
//     path that failed more than threshold times, a failure being forgotten
//     after forget_rate good checks, stays failed for recovery_time seconds
//     once it works again. delay_watch_checks/delay_wait_checks, deprecated,
//     map onto them when none of the three is set.
//   marginal_path_double_failed_time/_err_sample_time/_err_rate_threshold/
//     _err_recheck_gap_time (all four > 0): a path that fails twice within
//     double_failed_time seconds is sampled once it works again (direct reads
//     at 10 Hz for sample_time seconds, done by the daemon); an error rate
//     above threshold (per mille) keeps it failed for recheck_gap_time
//     seconds, then it is sampled again.
// Either way a path is reinstated at once when its map has no other usable
// path ("reinstating early"), as the reference does. With marginal_pathgroups
// "on" the reference would move a path its marginal_path_* sampling finds
// shaky into a marginal group instead; mpx keeps it failed, as with "off"
// (setmarginal marks paths for the marginal groups by hand).
#pragma once

#include <cstdint>
#include <string>

#include "kernel/clock.h"

namespace mpx {

struct ShakyPolicy {
  int san_threshold = 0;
  int san_forget_rate = 0;
  int san_recovery_time = 0;  // seconds
  int double_failed_time = 0;
  int sample_time = 0;
  int rate_threshold = 0;  // per mille
  int recheck_gap_time = 0;
  bool san_active() const {
    return san_threshold > 0 && san_forget_rate > 0 && san_recovery_time > 0;
  }
  bool marginal_active() const {
    return double_failed_time > 0 && sample_time > 0 && rate_threshold > 0 && recheck_gap_time > 0;
  }
};

// delay_watch_checks/delay_wait_checks onto san_path_err_* (when no
// san_path_err option is set): forget_rate = watch, recovery_time = wait *
// max_polling_interval, threshold 1.
ShakyPolicy MapDelayChecks(ShakyPolicy p, int delay_watch_checks, int delay_wait_checks,
                           int max_polling_interval);

struct PathHealth {
  int failures = 0;     // san_path_err: failures not yet forgotten
  int forget_left = 0;  // good checks until one is forgotten
  bool held = false;    // kept failed although it works
  MonoTime held_until{};
  bool has_failed = false;  // marginal: last_failure is set
  MonoTime last_failure{};
  bool needs_sample = false;  // marginal: sample before reinstating
  bool sampling = false;      // marginal: a sample is running
  std::string why;            // why it is held, for the log and show
};

// What to do with a path after a check.
enum class HealthVerdict {
  kUse,     // reinstate it (or keep it) as the checker says
  kHold,    // keep it failed although it works
  kSample,  // keep it failed and sample its I/O error rate now
};

// After a check of a path: `usable` now, `was_usable` before, `others_usable`
// the map's other usable paths.
HealthVerdict OnCheck(const ShakyPolicy& policy, PathHealth& h, bool was_usable, bool usable,
                      size_t others_usable, MonoTime now);

// After a sample: `errors` of `ios` direct reads failed.
HealthVerdict OnSample(const ShakyPolicy& policy, PathHealth& h, uint64_t errors, uint64_t ios,
                       size_t others_usable, MonoTime now);

}  // namespace mpx
