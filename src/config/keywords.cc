#include "config/keywords.h"

#include <cctype>
#include <climits>
#include <cstdint>
#include <vector>

#include "base/strings.h"
#include "config/config_regex.h"

namespace mpx {
namespace {

constexpr unsigned kMapScopes = kInDefaults | kInDevice | kInOverrides | kInMultipath;
constexpr unsigned kPathScopes = kInDefaults | kInDevice | kInOverrides;

constexpr NamedValue kGroupingPolicyNames[] = {
    {"failover", static_cast<int64_t>(GroupingPolicy::kFailover)},
    {"multibus", static_cast<int64_t>(GroupingPolicy::kMultibus)},
    {"group_by_serial", static_cast<int64_t>(GroupingPolicy::kGroupBySerial)},
    {"group_by_prio", static_cast<int64_t>(GroupingPolicy::kGroupByPrio)},
    {"group_by_node_name", static_cast<int64_t>(GroupingPolicy::kGroupByNodeName)},
};
constexpr NamedValue kRrWeightNames[] = {
    {"uniform", static_cast<int64_t>(RrWeight::kUniform)},
    {"priorities", static_cast<int64_t>(RrWeight::kPriorities)},
};
// The reference also takes no/0 and yes/1 (dict.c def_find_multipaths_handler).
constexpr NamedValue kFindMultipathsNames[] = {
    {"off", static_cast<int64_t>(FindMultipaths::kOff)},
    {"on", static_cast<int64_t>(FindMultipaths::kOn)},
    {"strict", static_cast<int64_t>(FindMultipaths::kStrict)},
    {"greedy", static_cast<int64_t>(FindMultipaths::kGreedy)},
    {"smart", static_cast<int64_t>(FindMultipaths::kSmart)},
    {"no", static_cast<int64_t>(FindMultipaths::kOff)},
    {"0", static_cast<int64_t>(FindMultipaths::kOff)},
    {"yes", static_cast<int64_t>(FindMultipaths::kOn)},
    {"1", static_cast<int64_t>(FindMultipaths::kOn)},
};
constexpr NamedValue kYesNoNames[] = {{"yes", 1}, {"no", 0}, {"1", 1}, {"0", 0}};
constexpr NamedValue kFailbackNames[] = {
    {"manual", kFailbackManual},
    {"immediate", kFailbackImmediate},
    {"followover", kFailbackFollowover},
};
// "0" is "fail" in the reference (dict.c no_path_retry_helper).
constexpr NamedValue kNoPathRetryNames[] = {
    {"fail", kNoPathRetryFail}, {"queue", kNoPathRetryQueue}, {"0", kNoPathRetryFail}};

const ValueType kString{.kind = ValueType::kString};
const ValueType kDeviceRegex{.kind = ValueType::kDeviceRegex};
const ValueType kBlacklistRegex{.kind = ValueType::kBlacklistRegex};
// "service-time 0": name, count, args.
const ValueType kSelector{.kind = ValueType::kArgString, .arg_count_index = 1};
// "1 queue_if_no_path": count, args.
const ValueType kCountedArgs{.kind = ValueType::kArgString, .arg_count_index = 0};
const ValueType kGroupingPolicy{.kind = ValueType::kNamed, .names = kGroupingPolicyNames};
const ValueType kRrWeight{.kind = ValueType::kNamed, .names = kRrWeightNames};
const ValueType kFindMultipaths{.kind = ValueType::kNamed, .names = kFindMultipathsNames};
const ValueType kYesNo{.kind = ValueType::kNamed, .names = kYesNoNames};
// The reference reads polling_interval as an unsigned number: no sign, and a
// value it cannot read is ignored (it keeps a garbage value; mpx the earlier one).
const ValueType kPollingInterval{
    .kind = ValueType::kNumber, .sign = false, .min = 0, .max = UINT32_MAX};
// The others as a signed int, capped at its limits; 0 means "unset" for some.
const ValueType kFailback{.kind = ValueType::kNamedOrNumber,
                          .names = kFailbackNames,
                          .min = 0,
                          .max = INT_MAX,
                          .cap = true,
                          .zero_unsets = true};
const ValueType kNoPathRetry{.kind = ValueType::kNamedOrNumber,
                             .names = kNoPathRetryNames,
                             .min = 1,
                             .max = INT_MAX,
                             .cap = true};
const ValueType kRrMinIoRq{
    .kind = ValueType::kNumber, .min = 0, .max = INT_MAX, .cap = true, .zero_unsets = true};
const ValueType kFindMultipathsTimeout{
    .kind = ValueType::kNumber, .min = INT_MIN, .max = INT_MAX, .cap = true, .zero_unsets = true};

// Sections per keyword as the 0.9.4 reference accepts them (its "invalid
// keyword in the ... section" warnings, tests/reference/config_scope_results.txt):
// hardware_handler only in devices; find_multipaths_timeout, like
// polling_interval and find_multipaths, only in defaults; path_checker,
// uid_attribute, alias_prefix, detect_prio and retain_attached_hw_handler not
// in multipaths.
const Keyword kTable[] = {
    {"vendor", Opt::kVendor, kInDevice, &kDeviceRegex, nullptr},
    {"product", Opt::kProduct, kInDevice, &kDeviceRegex, nullptr},
    {"revision", Opt::kRevision, kInDevice, &kDeviceRegex, nullptr},
    // Compiled into the blacklist: the reference refuses to run with a bad one.
    {"product_blacklist", Opt::kProductBlacklist, kInDevice, &kBlacklistRegex, nullptr},
    {"vendor", Opt::kVendor, kInBlacklistDevice, &kBlacklistRegex, nullptr},
    {"product", Opt::kProduct, kInBlacklistDevice, &kBlacklistRegex, nullptr},
    {"wwid", Opt::kWwid, kInMultipath, &kString, nullptr},
    {"alias", Opt::kAlias, kInMultipath, &kString, nullptr},
    {"polling_interval", Opt::kPollingInterval, kInDefaults, &kPollingInterval, "5"},
    {"path_grouping_policy", Opt::kPathGroupingPolicy, kMapScopes, &kGroupingPolicy, "failover"},
    {"uid_attribute", Opt::kUidAttribute, kPathScopes, &kString, "ID_SERIAL"},
    {"path_selector", Opt::kPathSelector, kMapScopes, &kSelector, "service-time 0"},
    {"path_checker", Opt::kPathChecker, kPathScopes, &kString, "tur"},
    {"alias_prefix", Opt::kAliasPrefix, kPathScopes, &kString, "mpath"},
    {"features", Opt::kFeatures, kMapScopes, &kCountedArgs, "0"},
    {"hardware_handler", Opt::kHardwareHandler, kInDevice, &kCountedArgs, "0"},
    {"prio", Opt::kPrio, kMapScopes, &kString, "const"},
    {"prio_args", Opt::kPrioArgs, kMapScopes, &kString, ""},
    {"failback", Opt::kFailback, kMapScopes, &kFailback, "manual"},
    {"rr_weight", Opt::kRrWeight, kMapScopes, &kRrWeight, "uniform"},
    {"no_path_retry", Opt::kNoPathRetry, kMapScopes, &kNoPathRetry, "fail"},
    {"rr_min_io_rq", Opt::kRrMinIoRq, kMapScopes, &kRrMinIoRq, "1"},
    {"user_friendly_names", Opt::kUserFriendlyNames, kMapScopes, &kYesNo, "no"},
    {"retain_attached_hw_handler", Opt::kRetainAttachedHwHandler, kPathScopes, &kYesNo, "yes"},
    {"detect_prio", Opt::kDetectPrio, kPathScopes, &kYesNo, "yes"},
    {"find_multipaths", Opt::kFindMultipaths, kInDefaults, &kFindMultipaths, "strict"},
    {"find_multipaths_timeout", Opt::kFindMultipathsTimeout, kInDefaults, &kFindMultipathsTimeout,
     "-10"},
    {"devnode", Opt::kBlDevnode, kInBlacklist, &kBlacklistRegex, nullptr},
    {"wwid", Opt::kBlWwid, kInBlacklist, &kBlacklistRegex, nullptr},
    {"property", Opt::kBlProperty, kInBlacklist, &kBlacklistRegex, nullptr},
    {"protocol", Opt::kBlProtocol, kInBlacklist, &kBlacklistRegex, nullptr},
};

std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    out.push_back(c);
    if (c == '"') out.push_back('"');
  }
  out.push_back('"');
  return out;
}

// The reference's words, then why in parentheses, then what mpx does.
ParsedValue Ignored(const Keyword& kw, std::string_view text, const std::string& why) {
  return {
      ParsedValue::kIgnore, Value(),
      "invalid value for " + std::string(kw.name) + ": " + Quote(text) + " (" + why + "); ignored"};
}

bool IsBlank(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// A decimal integer as strtol reads it: blanks around, a sign (when allowed),
// digits; saturated at the int64 limits. nullopt for anything else.
std::optional<int64_t> ReadInteger(std::string_view s, bool sign) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  bool negative = false;
  if (sign && !s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return std::nullopt;
  int64_t n = 0;
  for (char c : s) {
    if (!isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    int digit = c - '0';
    n = n > (INT64_MAX - digit) / 10 ? INT64_MAX : n * 10 + digit;
  }
  return negative ? -n : n;
}

std::string Expected(const ValueType& t) {
  std::string out = "expected ";
  bool numbers = t.kind != ValueType::kNamed;
  for (size_t i = 0; i < t.names.size(); ++i) {
    if (i > 0) out += (i + 1 == t.names.size() && !numbers) ? " or " : ", ";
    out += t.names[i].name;
  }
  if (numbers) {
    if (!t.names.empty()) out += " or ";
    out += "a number from " + std::to_string(t.min) + " to " + std::to_string(t.max);
  }
  return out;
}

ParsedValue ParseNumber(const Keyword& kw, std::string_view text) {
  const ValueType& t = *kw.type;
  std::optional<int64_t> n = ReadInteger(text, t.sign);
  if (!n || (!t.cap && (*n < t.min || *n > t.max))) return Ignored(kw, text, Expected(t));
  ParsedValue out{ParsedValue::kSet, Value(*n), ""};
  if (*n < t.min || *n > t.max) {
    bool small = *n < t.min;
    n = small ? t.min : t.max;
    out.value = *n;
    out.warning = "value for " + std::string(kw.name) + (small ? " too small" : " too large") +
                  ", capping at " + std::to_string(*n);
  }
  if (t.zero_unsets && *n == 0) out.action = ParsedValue::kUnset;
  return out;
}

ParsedValue ParseNamed(const Keyword& kw, std::string_view text) {
  for (const NamedValue& nv : kw.type->names) {
    if (nv.name == text) return {ParsedValue::kSet, Value(nv.value), ""};
  }
  if (kw.type->kind == ValueType::kNamedOrNumber) return ParseNumber(kw, text);
  return Ignored(kw, text, Expected(*kw.type));
}

// "2 pg_init_retries 50": the word at `index` counts the words after it, as
// the reference checks; a bad line is ignored.
ParsedValue ParseArgString(const Keyword& kw, std::string_view text) {
  std::vector<std::string_view> words;
  for (std::string_view w : Split(text, ' ')) {
    for (std::string_view part : Split(w, '\t')) {
      if (!part.empty()) words.push_back(part);
    }
  }
  const size_t index = static_cast<size_t>(kw.type->arg_count_index);
  std::optional<int64_t> count;
  if (words.size() > index) count = ReadInteger(words[index], true);
  std::string name(kw.name);
  if (!count || *count < 0) {
    return {ParsedValue::kIgnore, Value(),
            "missing argument count for " + name + ": " + Quote(text) + "; ignored"};
  }
  auto after = static_cast<int64_t>(words.size() - index - 1);
  if (*count != after) {
    return {ParsedValue::kIgnore, Value(),
            "invalid argument count for " + name + ": " + Quote(text) + " (got " +
                std::to_string(*count) + ", expected " + std::to_string(after) + "); ignored"};
  }
  return {ParsedValue::kSet, Value(std::string(text)), ""};
}

Result<ParsedValue> ParseRegex(const Keyword& kw, std::string_view text) {
  ParsedValue out{ParsedValue::kSet, Value(std::string(text)), ""};
  auto re = CompileConfigRegex(std::string(text));
  if (re.ok()) return out;
  // CompileConfigRegex's errors read `invalid regular expression "<text>": <reason>`.
  const std::string& m = re.error().message;
  const std::string prefix = "invalid regular expression \"" + std::string(text) + "\": ";
  std::string why = "invalid regular expression for " + std::string(kw.name) + ": " + Quote(text) +
                    ": " + (m.rfind(prefix, 0) == 0 ? m.substr(prefix.size()) : m);
  if (kw.type->kind == ValueType::kBlacklistRegex) return MakeError(why, 22 /*EINVAL*/);
  // The reference keeps the text, and its device section never matches.
  out.warning = why + "; this device section never matches";
  return out;
}

}  // namespace

std::span<const Keyword> KeywordTable() { return kTable; }

const Keyword* FindKeyword(std::string_view name, Scope scope) {
  for (const Keyword& kw : kTable) {
    if (kw.name == name && (kw.scopes & scope)) return &kw;
  }
  return nullptr;
}

const Keyword& KeywordFor(Opt opt) {
  for (const Keyword& kw : kTable) {
    if (kw.opt == opt) return kw;
  }
  return kTable[0];  // unreachable: every Opt has a row (checked by a test)
}

Result<ParsedValue> ParseValue(const Keyword& kw, std::string_view text) {
  switch (kw.type->kind) {
    case ValueType::kString:
      return ParsedValue{ParsedValue::kSet, Value(std::string(text)), ""};
    case ValueType::kArgString:
      return ParseArgString(kw, text);
    case ValueType::kDeviceRegex:
    case ValueType::kBlacklistRegex:
      return ParseRegex(kw, text);
    case ValueType::kNamed:
    case ValueType::kNamedOrNumber:
      return ParseNamed(kw, text);
    case ValueType::kNumber:
      break;
  }
  return ParseNumber(kw, text);
}

std::string FormatValue(const Keyword& kw, const Value& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return Quote(*s);
  int64_t n = std::get<int64_t>(v);
  for (const NamedValue& nv : kw.type->names) {
    if (nv.value == n) return Quote(nv.name);
  }
  return std::to_string(n);
}

std::optional<Value> CompiledDefault(const Keyword& kw) {
  if (kw.compiled_default == nullptr) return std::nullopt;
  auto v = ParseValue(kw, kw.compiled_default);
  if (!v.ok() || v->action != ParsedValue::kSet) return std::nullopt;  // a test parses them all
  return std::move(v->value);
}

}  // namespace mpx
