// How keyword values read and print (keywords.h): the reference's number
// syntaxes, caps and "not set" zeros, argument counts, regexes, records and
// reservation keys, each measured (tests/reference/config_value_results.txt).
#include <cctype>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "base/strings.h"
#include "config/config_regex.h"
#include "config/keywords.h"

namespace mpx {
namespace {

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

bool IsCBlank(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// A decimal integer as strtol reads it: blanks around, a sign (when allowed),
// digits; saturated at the int64 limits. nullopt for anything else.
std::optional<int64_t> ReadInteger(std::string_view s, bool sign) {
  while (!s.empty() && IsCBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsCBlank(s.back())) s.remove_suffix(1);
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

// An unsigned number as sscanf's %u or %o reads it: blanks, a sign, at least
// one digit, and whatever follows ignored; the value as strtoul makes it
// (saturated at 2^64 - 1, negated modulo 2^64), then cut to 32 bits.
std::optional<int64_t> ScanUnsigned(std::string_view s, unsigned base) {
  while (!s.empty() && IsCBlank(s.front())) s.remove_prefix(1);
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  uint64_t n = 0;
  size_t digits = 0;
  for (; digits < s.size(); ++digits) {
    unsigned d = static_cast<unsigned>(s[digits] - '0');
    if (s[digits] < '0' || d >= base) break;
    n = n > (UINT64_MAX - d) / base ? UINT64_MAX : n * base + d;
  }
  if (digits == 0) return std::nullopt;
  if (negative) n = ~n + 1;
  return static_cast<int64_t>(n & 0xffffffffu);
}

std::optional<int64_t> ReadNumber(const ValueType& t, std::string_view text) {
  switch (t.syntax) {
    case ValueType::kScanU32:
      return ScanUnsigned(text, 10);
    case ValueType::kScanOctal:
      return ScanUnsigned(text, 8);
    case ValueType::kStrtol:
      break;
  }
  return ReadInteger(text, t.sign);
}

std::string ToOctal(int64_t n) {
  char buf[32];
  snprintf(buf, sizeof buf, "%llo", static_cast<unsigned long long>(n));
  return buf;
}

std::string Expected(const ValueType& t) {
  std::vector<std::string_view> names;
  for (const NamedValue& nv : t.names) {
    if (nv.value != kNotCompiledIn) names.push_back(nv.name);
  }
  std::string out = "expected ";
  bool numbers = t.kind != ValueType::kNamed;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += (i + 1 == names.size() && !numbers) ? " or " : ", ";
    out += names[i];
  }
  if (numbers) {
    if (!names.empty()) out += " or ";
    out += t.octal ? "an octal number from 0 to 0" + ToOctal(t.max)
                   : "a number from " + std::to_string(t.min) + " to " + std::to_string(t.max);
  }
  return out;
}

ParsedValue ParseNumber(const Keyword& kw, std::string_view text) {
  const ValueType& t = *kw.type;
  std::optional<int64_t> n = ReadNumber(t, text);
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
    if (nv.name != text) continue;
    if (nv.value == kNotCompiledIn) {
      return {ParsedValue::kIgnore, Value(),
              "support for " + Quote(text) + " is not compiled in for " + std::string(kw.name) +
                  "; ignored"};
    }
    return {ParsedValue::kSet, Value(nv.value), ""};
  }
  if (kw.type->kind == ValueType::kNamedOrNumber) return ParseNumber(kw, text);
  return Ignored(kw, text, Expected(*kw.type));
}

// Words separated by blanks.
std::vector<std::string_view> Words(std::string_view text, bool tabs_too) {
  std::vector<std::string_view> words;
  for (std::string_view w : Split(text, ' ')) {
    if (!tabs_too) {
      if (!w.empty()) words.push_back(w);
      continue;
    }
    for (std::string_view part : Split(w, '\t')) {
      if (!part.empty()) words.push_back(part);
    }
  }
  return words;
}

// "2 pg_init_retries 50": the word at `index` counts the words after it, as
// the reference checks; a bad line is ignored.
ParsedValue ParseArgString(const Keyword& kw, std::string_view text) {
  std::vector<std::string_view> words = Words(text, true);
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

// "sd:ID_SERIAL dasd:ID_UID": records apart by spaces (only: the reference
// keeps a tab inside a record), each with a ':'. Stored one space apart; ""
// sets none. A bad record makes mpx ignore the line (the reference keeps the
// records before it and drops an earlier line's value).
ParsedValue ParseUidAttrs(const Keyword& kw, std::string_view text) {
  std::string joined;
  for (std::string_view record : Words(text, false)) {
    if (record.find(':') == std::string_view::npos) {
      return Ignored(kw, text, "record \"" + std::string(record) + "\" is not type:ATTRIBUTE");
    }
    joined += (joined.empty() ? "" : " ") + std::string(record);
  }
  if (joined.empty()) return {ParsedValue::kUnset, Value(), ""};
  return {ParsedValue::kSet, Value(std::move(joined)), ""};
}

// The reference's canonical spelling of a key: lowercase hex with 0x.
std::string PrKeyText(const PrKey& k) {
  if (k.file) return "file";
  char buf[32];
  snprintf(buf, sizeof buf, "0x%" PRIx64 "%s", k.key, k.aptpl ? ":aptpl" : "");
  return buf;
}

Result<ParsedValue> ParsePrKeyValue(const Keyword& kw, std::string_view text) {
  std::optional<PrKey> key = ReadPrKey(text);
  if (!key) {
    return MakeError("invalid value for " + std::string(kw.name) + ": " + Quote(text) +
                         " (expected file, or up to 16 hex digits, 0x before them optional, "
                         ":aptpl after them optional)",
                     22 /*EINVAL*/);
  }
  return ParsedValue{ParsedValue::kSet, Value(PrKeyText(*key)), ""};
}

}  // namespace

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
    case ValueType::kAbsolutePath:
      if (text.empty() || text.front() != '/') return Ignored(kw, text, "not an absolute path");
      return ParsedValue{ParsedValue::kSet, Value(std::string(text)), ""};
    case ValueType::kUidAttrs:
      return ParseUidAttrs(kw, text);
    case ValueType::kPrKey:
      return ParsePrKeyValue(kw, text);
    case ValueType::kIgnoredValue:
      return ParsedValue{ParsedValue::kIgnore, Value(), ""};
    case ValueType::kNumber:
      break;
  }
  return ParseNumber(kw, text);
}

std::string FormatValue(const Keyword& kw, const Value& v) {
  const ValueType& t = *kw.type;
  if (const auto* s = std::get_if<std::string>(&v)) {
    // The reference prints these bare. A uid_attrs of several records would
    // then read back as its first one only, so mpx quotes those.
    bool bare = (t.kind == ValueType::kPrKey && *s != "file") ||
                (t.kind == ValueType::kUidAttrs && s->find_first_of(" \t") == std::string::npos);
    return bare ? *s : Quote(*s);
  }
  int64_t n = std::get<int64_t>(v);
  for (const NamedValue& nv : t.names) {
    if (nv.value == n) return t.bare_names ? std::string(nv.name) : Quote(nv.name);
  }
  return t.octal ? "0" + ToOctal(n) : std::to_string(n);
}

std::optional<Value> CompiledDefault(const Keyword& kw) {
  if (kw.compiled_default == nullptr) return std::nullopt;
  if (kw.type->kind == ValueType::kIgnoredValue) return Value(std::string(kw.compiled_default));
  auto v = ParseValue(kw, kw.compiled_default);
  if (!v.ok() || v->action != ParsedValue::kSet) return std::nullopt;  // a test parses them all
  return std::move(v->value);
}

// Inferred from the reference's answers (tests/reference/config_value_results.txt):
// "0800" and "0x800" are 0x800, "0" alone is refused but "0x0" taken, 17
// digits are refused unless the first is a 0, and a suffix after ':' other
// than "aptpl" is dropped.
std::optional<PrKey> ReadPrKey(std::string_view text) {
  PrKey k;
  if (text == "file") {
    k.file = true;
    return k;
  }
  if (size_t colon = text.find(':'); colon != std::string_view::npos) {
    k.aptpl = text.substr(colon + 1) == "aptpl";
    text = text.substr(0, colon);
  }
  if (!text.empty() && text.front() == '0') text.remove_prefix(1);
  if (!text.empty() && (text.front() == 'x' || text.front() == 'X')) text.remove_prefix(1);
  if (text.empty() || text.size() > 16) return std::nullopt;
  for (char c : text) {
    if (!isxdigit(static_cast<unsigned char>(c))) return std::nullopt;
    k.key =
        k.key * 16 + static_cast<uint64_t>(isdigit(static_cast<unsigned char>(c))
                                               ? c - '0'
                                               : tolower(static_cast<unsigned char>(c)) - 'a' + 10);
  }
  return k;
}

}  // namespace mpx
