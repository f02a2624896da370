// The multipath.conf keyword table: one row per keyword (name, the sections
// that accept it, its value type, its compiled-in default). The parser, the
// resolver and the printer are all driven by it; adding a keyword is adding an
// Opt and a row.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "base/result.h"

namespace mpx {

// Every setting the table knows. Identity keywords (vendor, wwid, ...) and
// blacklist entries are Opts too, so one storage and one printer serve all.
enum class Opt : uint8_t {
  // device / multipath / blacklist-device identity
  kVendor,
  kProduct,
  kRevision,
  kProductBlacklist,
  kWwid,
  kAlias,
  // global
  kPollingInterval,
  // per map / per path, in the reference's devices-section print order
  kPathGroupingPolicy,
  kUidAttribute,
  kPathSelector,
  kPathChecker,
  kAliasPrefix,
  kFeatures,
  kHardwareHandler,
  kPrio,
  kPrioArgs,
  kFailback,
  kRrWeight,
  kNoPathRetry,
  kRrMinIoRq,
  kUserFriendlyNames,
  kRetainAttachedHwHandler,
  kDetectPrio,
  kFindMultipaths,
  kFindMultipathsTimeout,
  // blacklist and blacklist_exceptions entries (lists, not single settings)
  kBlDevnode,
  kBlWwid,
  kBlProperty,
  kBlProtocol,
  kCount
};
inline constexpr size_t kOptCount = static_cast<size_t>(Opt::kCount);

// Where a keyword may appear (bit set).
enum Scope : unsigned {
  kInDefaults = 1u << 0,
  kInDevice = 1u << 1,  // devices { device { } }
  kInOverrides = 1u << 2,
  kInMultipath = 1u << 3,        // multipaths { multipath { } }
  kInBlacklist = 1u << 4,        // blacklist { } and blacklist_exceptions { }
  kInBlacklistDevice = 1u << 5,  // blacklist { device { } }
};

// A typed value: numbers (and enumerations, stored as their number) or text.
using Value = std::variant<int64_t, std::string>;

// Enumerations, with the numbers the table stores for them.
enum class PgPolicy : int64_t {
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
// yes/no options store 1/0.

struct NamedValue {
  std::string_view name;
  int64_t value;
};

// How a keyword's value is checked, stored and printed.
struct ValueType {
  enum Kind {
    kString,     // any text, "" included
    kArgString,  // text whose word at arg_count_index counts the words after it
    kRegex,      // POSIX ERE, checked by compiling it
    kNamed,      // one of names, or (when max_number > 0) a number in [min_number, max_number]
    kNumber,     // a number in [min_number, max_number]
  };
  Kind kind = kString;
  int arg_count_index = 0;
  std::span<const NamedValue> names;  // first name per value is the printed one
  int64_t min_number = 0;
  int64_t max_number = 0;
};

struct Keyword {
  std::string_view name;
  Opt opt;
  unsigned scopes;
  const ValueType* type;
  const char* compiled_default;  // text as in the file; nullptr when there is none
};

// All rows, in print order.
std::span<const Keyword> KeywordTable();
// The row for `name` in a section of `scope`, or nullptr.
const Keyword* FindKeyword(std::string_view name, Scope scope);
// The row of an Opt (its first row when a name has several).
const Keyword& KeywordFor(Opt opt);

// Checks text against the keyword's type. Error message:
// `invalid value "foo" for path_grouping_policy: expected ...`.
Result<Value> ParseValue(const Keyword& kw, std::string_view text);
// The value as the reference's `multipath -t` prints it: text and names in
// double quotes (a '"' doubled), numbers bare.
std::string FormatValue(const Keyword& kw, const Value& v);
// Its compiled-in default, parsed; nullopt when the row has none.
std::optional<Value> CompiledDefault(const Keyword& kw);

}  // namespace mpx
