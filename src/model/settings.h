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

}  // namespace mpx
