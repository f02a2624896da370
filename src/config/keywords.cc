#include "config/keywords.h"

#include <cctype>
#include <climits>

#include "base/posix_regex.h"
#include "base/strings.h"

namespace mpx {
namespace {

constexpr unsigned kMapScopes = kInDefaults | kInDevice | kInOverrides | kInMultipath;
constexpr unsigned kPathScopes = kInDefaults | kInDevice | kInOverrides;

constexpr NamedValue kPgPolicyNames[] = {
    {"failover", static_cast<int64_t>(PgPolicy::kFailover)},
    {"multibus", static_cast<int64_t>(PgPolicy::kMultibus)},
    {"group_by_serial", static_cast<int64_t>(PgPolicy::kGroupBySerial)},
    {"group_by_prio", static_cast<int64_t>(PgPolicy::kGroupByPrio)},
    {"group_by_node_name", static_cast<int64_t>(PgPolicy::kGroupByNodeName)},
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

const ValueType kString{ValueType::kString, 0, {}, 0, 0};
const ValueType kRegex{ValueType::kRegex, 0, {}, 0, 0};
const ValueType kSelector{
    ValueType::kArgString, 1, {}, 0, 0};  // "service-time 0": name, count, args
const ValueType kCountedArgs{ValueType::kArgString, 0, {}, 0, 0};  // "1 queue_if_no_path"
const ValueType kPositive{ValueType::kNumber, 0, {}, 1, INT_MAX};
const ValueType kSigned{ValueType::kNumber, 0, {}, -INT_MAX, INT_MAX};
const ValueType kPgPolicy{ValueType::kNamed, 0, kPgPolicyNames, 0, 0};
const ValueType kRrWeight{ValueType::kNamed, 0, kRrWeightNames, 0, 0};
const ValueType kFindMultipaths{ValueType::kNamed, 0, kFindMultipathsNames, 0, 0};
const ValueType kYesNo{ValueType::kNamed, 0, kYesNoNames, 0, 0};
const ValueType kFailback{ValueType::kNamed, 0, kFailbackNames, 1, INT_MAX};
const ValueType kNoPathRetry{ValueType::kNamed, 0, kNoPathRetryNames, 1, INT_MAX};

// Sections per keyword as the 0.9.4 reference accepts them (checked against
// its "invalid keyword in the ... section" warnings): hardware_handler only in
// devices; path_checker, uid_attribute, alias_prefix, detect_prio and
// retain_attached_hw_handler not in multipaths.
const Keyword kTable[] = {
    {"vendor", Opt::kVendor, kInDevice | kInBlacklistDevice, &kRegex, nullptr},
    {"product", Opt::kProduct, kInDevice | kInBlacklistDevice, &kRegex, nullptr},
    {"revision", Opt::kRevision, kInDevice, &kRegex, nullptr},
    {"product_blacklist", Opt::kProductBlacklist, kInDevice, &kRegex, nullptr},
    {"wwid", Opt::kWwid, kInMultipath, &kString, nullptr},
    {"alias", Opt::kAlias, kInMultipath, &kString, nullptr},
    {"polling_interval", Opt::kPollingInterval, kInDefaults, &kPositive, "5"},
    {"path_grouping_policy", Opt::kPathGroupingPolicy, kMapScopes, &kPgPolicy, "failover"},
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
    {"rr_min_io_rq", Opt::kRrMinIoRq, kMapScopes, &kPositive, "1"},
    {"user_friendly_names", Opt::kUserFriendlyNames, kMapScopes, &kYesNo, "no"},
    {"retain_attached_hw_handler", Opt::kRetainAttachedHwHandler, kPathScopes, &kYesNo, "yes"},
    {"detect_prio", Opt::kDetectPrio, kPathScopes, &kYesNo, "yes"},
    {"find_multipaths", Opt::kFindMultipaths, kInDefaults, &kFindMultipaths, "strict"},
    {"find_multipaths_timeout", Opt::kFindMultipathsTimeout, kInDefaults | kInDevice, &kSigned,
     "-10"},
    {"devnode", Opt::kBlDevnode, kInBlacklist, &kRegex, nullptr},
    {"wwid", Opt::kBlWwid, kInBlacklist, &kRegex, nullptr},
    {"property", Opt::kBlProperty, kInBlacklist, &kRegex, nullptr},
    {"protocol", Opt::kBlProtocol, kInBlacklist, &kRegex, nullptr},
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

Error Invalid(const Keyword& kw, std::string_view text, const std::string& why) {
  return MakeError("invalid value " + Quote(text) + " for " + std::string(kw.name) + ": " + why,
                   22 /*EINVAL*/);
}

std::optional<int64_t> ParseNumber(std::string_view s) {
  bool neg = !s.empty() && s.front() == '-';
  auto n = ParseU64(neg ? s.substr(1) : s);
  if (!n || *n > static_cast<uint64_t>(INT64_MAX)) return std::nullopt;
  return neg ? -static_cast<int64_t>(*n) : static_cast<int64_t>(*n);
}

std::string Expected(const ValueType& t) {
  std::string out = "expected ";
  for (size_t i = 0; i < t.names.size(); ++i) {
    if (i > 0) out += (i + 1 == t.names.size() && t.max_number == 0) ? " or " : ", ";
    out += t.names[i].name;
  }
  if (t.max_number > 0) {
    if (!t.names.empty()) out += " or ";
    out += "a number from " + std::to_string(t.min_number) + " to " + std::to_string(t.max_number);
  }
  return out;
}

// glibc's regcomp copies the tree for every repetition, so "a++++...+" or
// big counted repeats take memory exponential in the pattern (a fuzzer found
// 2 GiB for 45 bytes; the reference has the same problem). POSIX leaves
// adjacent repetition operators undefined and only promises counts up to
// RE_DUP_MAX (255), so both are refused. Returns why, or "" when fine.
std::string RiskyRegex(std::string_view p) {
  bool after_repeat = false;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\') {
      ++i;
      after_repeat = false;
    } else if (c == '[') {  // skip the bracket expression
      size_t j = i + 1;
      if (j < p.size() && p[j] == '^') ++j;
      if (j < p.size() && p[j] == ']') ++j;
      size_t end = p.find(']', j);
      i = end == std::string_view::npos ? p.size() : end;
      after_repeat = false;
    } else if (c == '*' || c == '+' || c == '?' ||
               (c == '{' && i + 1 < p.size() && isdigit(static_cast<unsigned char>(p[i + 1])))) {
      if (after_repeat) return "repetition operators in a row";
      if (c == '{') {
        size_t end = p.find('}', i);
        if (end == std::string_view::npos) end = p.size();
        for (std::string_view n : Split(p.substr(i + 1, end - i - 1), ',')) {
          auto v = ParseU64(n);
          if (v && *v > 255) return "repetition count above 255";
        }
        i = end;
      }
      after_repeat = true;
    } else {
      after_repeat = false;
    }
  }
  return "";
}

// "2 pg_init_retries 50": the word at `index` counts the words after it, as
// the reference's set_arg_str checks.
Status CheckArgCount(const Keyword& kw, std::string_view text, int index) {
  std::vector<std::string_view> words;
  for (std::string_view w : Split(text, ' ')) {
    for (std::string_view part : Split(w, '\t')) {
      if (!part.empty()) words.push_back(part);
    }
  }
  if (words.size() <= static_cast<size_t>(index))
    return Invalid(kw, text, "missing argument count");
  auto count = ParseNumber(words[index]);
  if (!count || *count < 0) return Invalid(kw, text, "missing argument count");
  auto after = static_cast<int64_t>(words.size()) - index - 1;
  if (*count != after) {
    return Invalid(kw, text,
                   "argument count is " + std::to_string(*count) + " but " + std::to_string(after) +
                       " argument(s) follow");
  }
  return {};
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

Result<Value> ParseValue(const Keyword& kw, std::string_view text) {
  const ValueType& t = *kw.type;
  switch (t.kind) {
    case ValueType::kString:
      return Value(std::string(text));
    case ValueType::kArgString:
      if (Status s = CheckArgCount(kw, text, t.arg_count_index); !s.ok()) return s.error();
      return Value(std::string(text));
    case ValueType::kRegex: {
      if (std::string why = RiskyRegex(text); !why.empty()) return Invalid(kw, text, why);
      auto re = Regex::Compile(std::string(text));
      if (!re.ok()) {
        const std::string& m = re.error().message;
        return Invalid(kw, text, m.substr(m.rfind(": ") + 2));
      }
      return Value(std::string(text));
    }
    case ValueType::kNamed:
    case ValueType::kNumber:
      break;
  }
  for (const NamedValue& nv : t.names) {
    if (nv.name == text) return Value(nv.value);
  }
  if (t.max_number > 0) {
    auto n = ParseNumber(text);
    if (n && *n >= t.min_number && *n <= t.max_number) return Value(*n);
  }
  return Invalid(kw, text, Expected(t));
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
  if (!v.ok()) return std::nullopt;  // a bad table default; a test parses them all
  return std::move(v).value();
}

}  // namespace mpx
