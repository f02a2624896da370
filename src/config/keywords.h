// The multipath.conf keyword table: one row per keyword (name, the sections
// that accept it, its value type, its compiled-in default), and per section
// the order `multipath -t` prints its keywords in. The parser, the resolver
// and the printer are all driven by it; adding a keyword is adding an Opt, a
// row, and its place in the print orders.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "base/result.h"
#include "model/settings.h"

namespace mpx {

// Every setting the table knows. Identity keywords (vendor, wwid, ...) and
// blacklist entries are Opts too, so one storage and one printer serve all.
enum class Opt : uint8_t {
  // device / multipath / blacklist-device / protocol identity
  kVendor,
  kProduct,
  kRevision,
  kProductBlacklist,
  kWwid,
  kAlias,
  kProtocolType,
  // global: only in defaults
  kVerbosity,
  kPollingInterval,
  kMaxPollingInterval,
  kReassignMaps,
  kUidAttrs,
  kMaxFds,
  kQueueWithoutDaemon,
  kCheckerTimeout,
  kAllowUsbDevices,
  kBindingsFile,
  kWwidsFile,
  kPrkeysFile,
  kLogCheckerErr,
  kForceSync,
  kStrictTiming,
  kPartitionDelimiter,
  kFindMultipaths,
  kUxsockTimeout,
  kRetriggerTries,
  kRetriggerDelay,
  kMissingUevWaitTimeout,
  kDisableChangedWwids,
  kRemoveRetries,
  kFindMultipathsTimeout,
  kEnableForeign,
  kMarginalPathgroups,
  kMode,  // also in multipaths; undocumented, unused by the reference 0.9.4
  kUid,   // the same
  kGid,   // the same
  // per map / per path
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
  kRrMinIo,
  kRrMinIoRq,
  kFlushOnLastDel,
  kFastIoFailTmo,
  kDevLossTmo,
  kEhDeadline,
  kUserFriendlyNames,
  kRetainAttachedHwHandler,
  kDetectPrio,
  kDetectChecker,
  kDeferredRemove,
  kDelayWatchChecks,
  kDelayWaitChecks,
  kSanPathErrThreshold,
  kSanPathErrForgetRate,
  kSanPathErrRecoveryTime,
  kMarginalPathErrSampleTime,
  kMarginalPathErrRateThreshold,
  kMarginalPathErrRecheckGapTime,
  kMarginalPathDoubleFailedTime,
  kSkipKpartx,
  kMaxSectorsKb,
  kGhostDelay,
  kAllTgPt,
  kVpdVendor,
  kRecheckWwid,
  kReservationKey,
  // keywords the reference ignores with a warning (multipath_dir, ...): never stored
  kDeprecated,
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
  kInProtocol = 1u << 6,         // overrides { protocol { } }
};

// A typed value: numbers (and enumerations, stored as their number) or text.
using Value = std::variant<int64_t, std::string>;

struct NamedValue {
  std::string_view name;
  int64_t value;
};
// A name the reference knows but was built without (marginal_pathgroups
// fpin): refused with "support for ... is not compiled in".
inline constexpr int64_t kNotCompiledIn = INT64_MIN;

// How a keyword's value is checked, stored and printed, and what becomes of a
// bad one: the reference 0.9.4 warns about nearly every bad value and goes on
// (docs/config-errors.md has the table).
struct ValueType {
  enum Kind {
    kString,          // any text, "" included
    kArgString,       // text whose word at arg_count_index counts the words after it
    kDeviceRegex,     // POSIX ERE a device's identity is matched with; a bad one is kept,
                      // and its device section never matches
    kBlacklistRegex,  // POSIX ERE of a blacklist entry; a bad one is an error
    kNamed,           // one of names
    kNamedOrNumber,   // one of names, or a number
    kNumber,          // a number
    kAbsolutePath,    // text starting with '/'; another is ignored
    kUidAttrs,        // "type:ATTR" records separated by spaces, stored one space apart
    kPrKey,           // reservation_key: "file", or up to 16 hex digits ("0x" optional,
                      // not all zero unless written 0x0) with ":aptpl"; a bad one is an error
    kIgnoredValue,    // any text, silently ignored (disable_changed_wwids)
  };
  // How numbers are read. The reference reads most as strtol with blanks
  // around and caps them; a few with sscanf, which takes a prefix and wraps.
  enum Syntax {
    kStrtol,    // blanks around, an optional sign (when `sign`), decimal digits
    kScanU32,   // sscanf %u: blanks, a sign, digits, anything after; modulo 2^32
    kScanOctal  // sscanf %o: the same in octal
  };
  Kind kind = kString;
  int arg_count_index = 0;
  std::span<const NamedValue> names;  // first name per value is the printed one
  Syntax syntax = kStrtol;
  bool sign = true;
  int64_t min = 0, max = 0;  // the range
  bool cap = false;          // a number outside the range is capped (with a warning), not ignored
  bool zero_unsets = false;  // 0, also after capping, means "not set in this section"
  bool bare_names = false;   // names printed without quotes (fast_io_fail_tmo off)
  bool octal = false;        // numbers printed as 0%o (mode)
};

struct Keyword {
  enum Status {
    kCurrent,
    kDeprecatedIgnored,  // warns "ignoring deprecated option", the line is ignored
    kDeprecatedUsed,     // warns "... is deprecated ...", the value is used
  };
  std::string_view name;
  Opt opt;
  unsigned scopes;
  const ValueType* type;
  const char* compiled_default;  // text as in the file; nullptr when there is none
  Status status = kCurrent;
};

// All rows. A name has two rows when its type depends on the section
// (vendor and product: device match vs blacklist entry; wwid); two names
// share an Opt when one is a synonym (checker for path_checker).
std::span<const Keyword> KeywordTable();
// The row for `name` in a section of `scope`, or nullptr.
const Keyword* FindKeyword(std::string_view name, Scope scope);
// The row of an Opt (its first row when a name has several).
const Keyword& KeywordFor(Opt opt);
// The keywords of a section in the order the reference's `multipath -t`
// prints them (each section has its own order). `scope` is one bit.
std::span<const Opt> PrintOrder(Scope scope);

// What a value's text comes to.
struct ParsedValue {
  enum Action {
    kSet,     // value is the setting
    kUnset,   // the keyword is not set in this section (an earlier line's value goes too)
    kIgnore,  // the line is ignored: an earlier value, or the default, stays
  };
  Action action = kSet;
  Value value;          // for kSet
  std::string warning;  // why the text was not taken as written, e.g. `invalid value for
                        // rr_weight: "foo" (expected uniform or priorities); ignored`; "" if it was
};

// Checks text against the keyword's type, as the reference does. Error only
// where the reference refuses to run: a bad kBlacklistRegex (`invalid regular
// expression for devnode: "(" (...)`) or kPrKey.
Result<ParsedValue> ParseValue(const Keyword& kw, std::string_view text);
// The value as the reference's `multipath -t` prints it: text and names in
// double quotes (a '"' doubled), numbers bare.
std::string FormatValue(const Keyword& kw, const Value& v);
// Its compiled-in default, parsed; nullopt when the row has none.
std::optional<Value> CompiledDefault(const Keyword& kw);

// reservation_key, decoded.
struct PrKey {
  bool file = false;  // "file": the key is in prkeys_file
  uint64_t key = 0;
  bool aptpl = false;  // ":aptpl": registered with --param-aptpl
};
// nullopt for text the reference refuses.
std::optional<PrKey> ReadPrKey(std::string_view text);

}  // namespace mpx
