// The values of the settings that policy decides with: plain enumerations,
// shared by the configuration (which stores them by number) and the policy
// code (which acts on them).
#pragma once

#include <cstdint>

namespace mpx {

// path_grouping_policy.
enum class GroupingPolicy : int64_t {
  kFailover = 1,
  kMultibus,
  kGroupBySerial,
  kGroupByPrio,
  kGroupByNodeName
};
enum class RrWeight : int64_t { kUniform = 1, kPriorities };
enum class FindMultipaths : int64_t { kOff = 1, kOn, kStrict, kGreedy, kSmart };
// failback: these, or a number of seconds > 0 (deferred failback).
inline constexpr int64_t kFailbackManual = -1;
inline constexpr int64_t kFailbackImmediate = -2;
inline constexpr int64_t kFailbackFollowover = -3;
// no_path_retry: these, or a number of checker intervals > 0.
inline constexpr int64_t kNoPathRetryFail = -1;
inline constexpr int64_t kNoPathRetryQueue = -2;
// fast_io_fail_tmo and eh_deadline: off, or seconds (0 included).
inline constexpr int64_t kTmoOff = -1;
// dev_loss_tmo infinity (2^32 - 1 seconds, as the kernel reads it).
inline constexpr int64_t kDevLossInfinity = 4294967295;
// max_fds max: the kernel's default nr_open (the reference reads the host's).
inline constexpr int64_t kMaxFdsMax = 1048576;
// The shaky-path options (san_path_err_*, marginal_path_*, delay_*_checks) and
// ghost_delay store "no" as 0.
enum class LogCheckerErr : int64_t { kAlways = 1, kOnce };
enum class MarginalPathgroups : int64_t { kOff = 1, kOn, kFpin };

}  // namespace mpx
