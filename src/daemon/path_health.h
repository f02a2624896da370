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
//     With marginal_pathgroups "on" such a path is not kept failed: it is
//     marked marginal (the daemon moves it into a marginal path group, used
//     only when no other group has a usable path), sampled again after
//     recheck_gap_time while it stays in use, and unmarked once its rate is
//     at or below threshold.
// Either way a path is reinstated at once when its map has no other usable
// path ("reinstating early"), as the reference does.
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
  bool marginal_groups = false;  // marginal_pathgroups on
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
  bool sampling = false;      // marginal: a sample is running, the path kept failed
  // marginal_pathgroups on: the path is in a marginal group, sampled again
  // at recheck_at (in_use_sample: that sample runs while it stays in use).
  bool marginal = false;
  MonoTime recheck_at{};
  bool in_use_sample = false;
  std::string why;  // why it is held, for the log and show
};

// What to do with a path after a check.
enum class HealthVerdict {
  kUse,     // reinstate it (or keep it) as the checker says
  kHold,    // keep it failed although it works
  kSample,  // sample its I/O error rate now (kept failed meanwhile unless
            // in_use_sample: a marginal path stays in use)
};

// After a check of a path: `usable` now, `was_usable` before, `others_usable`
// the map's other usable paths.
HealthVerdict OnCheck(const ShakyPolicy& policy, PathHealth& h, bool was_usable, bool usable,
                      size_t others_usable, MonoTime now);

// After a sample: `errors` of `ios` direct reads failed.
HealthVerdict OnSample(const ShakyPolicy& policy, PathHealth& h, uint64_t errors, uint64_t ios,
                       size_t others_usable, MonoTime now);

}  // namespace mpx
