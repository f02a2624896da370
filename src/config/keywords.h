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
#include "model/settings.h"

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
// yes/no options store 1/0.

struct NamedValue {
  std::string_view name;
  int64_t value;
};

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
  };
  Kind kind = kString;
  int arg_count_index = 0;
  std::span<const NamedValue> names;  // first name per value is the printed one
  // Numbers. Read like strtol: blanks around, a sign (when `sign`), decimal digits.
  bool sign = true;
  int64_t min = 0, max = 0;  // the range
  bool cap = false;          // a number outside the range is capped (with a warning), not ignored
  bool zero_unsets = false;  // 0, also after capping, means "not set in this section"
};

struct Keyword {
  std::string_view name;
  Opt opt;
  unsigned scopes;
  const ValueType* type;
  const char* compiled_default;  // text as in the file; nullptr when there is none
};

// All rows, in print order. A name has two rows when its type depends on the
// section (vendor and product: device match vs blacklist entry; wwid).
std::span<const Keyword> KeywordTable();
// The row for `name` in a section of `scope`, or nullptr.
const Keyword* FindKeyword(std::string_view name, Scope scope);
// The row of an Opt (its first row when a name has several).
const Keyword& KeywordFor(Opt opt);

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
// for a bad kBlacklistRegex: `invalid regular expression for devnode: "(" (...)`.
Result<ParsedValue> ParseValue(const Keyword& kw, std::string_view text);
// The value as the reference's `multipath -t` prints it: text and names in
// double quotes (a '"' doubled), numbers bare.
std::string FormatValue(const Keyword& kw, const Value& v);
// Its compiled-in default, parsed; nullopt when the row has none.
std::optional<Value> CompiledDefault(const Keyword& kw);

}  // namespace mpx
