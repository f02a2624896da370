#include "daemon/path_health.h"

#include <chrono>

namespace mpx {
namespace {

MonoTime Secs(int s) { return std::chrono::seconds(s); }

HealthVerdict Release(PathHealth& h, std::string why) {
  h.held = false;
  h.needs_sample = false;
  h.sampling = false;
  h.failures = 0;
  h.why = std::move(why);
  return HealthVerdict::kUse;
}

}  // namespace

ShakyPolicy MapDelayChecks(ShakyPolicy p, int watch, int wait, int max_polling_interval) {
  if (p.san_threshold > 0 || p.san_forget_rate > 0 || p.san_recovery_time > 0) return p;
  if (watch <= 0 && wait <= 0) return p;
  p.san_threshold = 1;
  if (watch > 0) p.san_forget_rate = watch;
  if (wait > 0) p.san_recovery_time = wait * max_polling_interval;
  return p;
}

HealthVerdict OnCheck(const ShakyPolicy& policy, PathHealth& h, bool was_usable, bool usable,
                      size_t others_usable, MonoTime now) {
  if (!usable) {
    if (was_usable) {  // a new failure
      if (policy.san_active()) {
        ++h.failures;
        h.forget_left = policy.san_forget_rate;
      }
      if (policy.marginal_active()) {
        if (h.has_failed && now - h.last_failure <= Secs(policy.double_failed_time)) {
          h.needs_sample = true;
        }
        h.has_failed = true;
        h.last_failure = now;
      }
    }
    return HealthVerdict::kUse;  // the checker's verdict: failed
  }
  if (h.marginal) {  // in a marginal group, in use: sampled again when due
    if (!h.in_use_sample && now >= h.recheck_at) {
      h.in_use_sample = true;
      return HealthVerdict::kSample;
    }
    return HealthVerdict::kUse;
  }
  const bool shaky = h.held || h.sampling || h.needs_sample ||
                     (policy.san_active() && !was_usable && h.failures > policy.san_threshold);
  if (shaky && others_usable == 0) {
    return Release(h, "reinstating early: no other usable path");
  }
  if (h.sampling) return HealthVerdict::kHold;
  if (h.held) {
    if (now < h.held_until) return HealthVerdict::kHold;
    h.held = false;
    h.failures = 0;
    if (h.needs_sample) {
      h.sampling = true;
      return HealthVerdict::kSample;
    }
    h.why.clear();
    return HealthVerdict::kUse;
  }
  if (!was_usable) {  // it works again
    if (policy.san_active() && h.failures > policy.san_threshold) {
      h.held = true;
      h.held_until = now + Secs(policy.san_recovery_time);
      h.why = "failed " + std::to_string(h.failures) + " times (san_path_err_threshold " +
              std::to_string(policy.san_threshold) + "): not reinstated for " +
              std::to_string(policy.san_recovery_time) + " s";
      return HealthVerdict::kHold;
    }
    if (h.needs_sample) {
      h.sampling = true;
      h.why = "failed twice within marginal_path_double_failed_time: sampling I/O errors";
      return HealthVerdict::kSample;
    }
  } else if (policy.san_active() && h.failures > 0 && --h.forget_left <= 0) {
    --h.failures;
    h.forget_left = policy.san_forget_rate;
  }
  return HealthVerdict::kUse;
}

HealthVerdict OnSample(const ShakyPolicy& policy, PathHealth& h, uint64_t errors, uint64_t ios,
                       size_t others_usable, MonoTime now) {
  h.sampling = false;
  h.in_use_sample = false;
  const uint64_t rate = ios == 0 ? 1000 : errors * 1000 / ios;
  const bool bad = rate > static_cast<uint64_t>(policy.rate_threshold);
  if (bad && policy.marginal_groups) {
    h.held = false;
    h.marginal = true;
    h.needs_sample = false;
    h.recheck_at = now + Secs(policy.recheck_gap_time);
    h.why = "I/O error rate " + std::to_string(rate) + "/1000 (marginal_path_err_rate_threshold " +
            std::to_string(policy.rate_threshold) +
            "): in a marginal path group, sampled again in " +
            std::to_string(policy.recheck_gap_time) + " s";
    return HealthVerdict::kUse;
  }
  h.marginal = false;
  if (bad && others_usable > 0) {
    h.held = true;
    h.needs_sample = true;
    h.held_until = now + Secs(policy.recheck_gap_time);
    h.why = "I/O error rate " + std::to_string(rate) + "/1000 (marginal_path_err_rate_threshold " +
            std::to_string(policy.rate_threshold) + "): not reinstated for " +
            std::to_string(policy.recheck_gap_time) + " s";
    return HealthVerdict::kHold;
  }
  h.has_failed = false;
  return Release(h, "");
}

}  // namespace mpx
