#include "checker/prio_args.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <optional>

namespace mpx {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// Words split at blanks and tabs, empty ones skipped (the reference's
// get_next_string over strsep).
std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > start) out.emplace_back(s.substr(start, i - start));
  }
  return out;
}

// Just enough of sscanf for the reference's prio_args formats: literal
// text, blanks (any amount of white space, none included), %s and %i.
class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}
  bool Literal(std::string_view text) {
    if (s_.substr(i_, text.size()) != text) return false;
    i_ += text.size();
    return true;
  }
  void Blanks() {
    while (i_ < s_.size() && IsSpace(s_[i_])) ++i_;
  }
  std::optional<std::string> Word() {
    Blanks();
    size_t start = i_;
    while (i_ < s_.size() && !IsSpace(s_[i_])) ++i_;
    if (i_ == start) return std::nullopt;
    return std::string(s_.substr(start, i_ - start));
  }
  // %i: an integer in C notation (0x hex, 0 octal), as strtol(…, 0) reads it.
  std::optional<int> Int() {
    Blanks();
    std::string rest(s_.substr(i_));
    char* end = nullptr;
    errno = 0;
    long v = std::strtol(rest.c_str(), &end, 0);
    if (end == rest.c_str()) return std::nullopt;
    i_ += static_cast<size_t>(end - rest.c_str());
    if (errno == ERANGE || v > INT_MAX || v < INT_MIN) return v < 0 ? INT_MIN : INT_MAX;
    return static_cast<int>(v);
  }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

struct SdsScan {
  std::optional<std::string> sds;
  std::optional<int> timeout;
};

SdsScan ScanTimeoutFirst(std::string_view args) {
  Scanner s(args);
  SdsScan out;
  if (!s.Literal("timeout=") || !(out.timeout = s.Int())) return {};
  s.Blanks();
  if (!s.Literal("preferredsds=")) return {};
  out.sds = s.Word();
  return out;
}

SdsScan ScanSdsFirst(std::string_view args, bool with_timeout) {
  Scanner s(args);
  SdsScan out;
  if (!s.Literal("preferredsds=") || !(out.sds = s.Word())) return {};
  if (!with_timeout) return out;
  s.Blanks();
  if (!s.Literal("timeout=")) return {};
  out.timeout = s.Int();
  return out;
}

}  // namespace

bool ExclusivePrefBit(std::string_view args) {
  constexpr std::string_view kWord = "exclusive_pref_bit";
  // Only the first occurrence counts, as the reference's strstr.
  size_t at = args.find(kWord);
  if (at == std::string_view::npos) return false;
  size_t after = at + kWord.size();
  if (after < args.size() && args[after] != ' ' && args[after] != '\t') return false;
  return at == 0 || args[at - 1] == ' ' || args[at - 1] == '\t';
}

Result<WeightedPathArgs> ParseWeightedPathArgs(std::string_view args) {
  std::vector<std::string> w = Words(args);
  if (w.empty()) return MakeError("no prio_args", EINVAL);
  if (w[0] != "hbtl" && w[0] != "devname" && w[0] != "serial" && w[0] != "wwn") {
    return MakeError("Invalid arguments", EINVAL);
  }
  WeightedPathArgs out;
  out.key = w[0];
  for (size_t i = 1; i + 1 < w.size(); i += 2) out.rules.emplace_back(w[i], w[i + 1]);
  return out;
}

int AtoiPrefix(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && IsSpace(text[i])) ++i;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  long long v = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    v = std::min<long long>(v * 10 + (text[i] - '0'), INT_MAX + 1LL);
  }
  v = negative ? -v : v;
  return static_cast<int>(std::clamp<long long>(v, INT_MIN, INT_MAX));
}

Result<PathLatencyArgs> ParsePathLatencyArgs(std::string_view args) {
  std::vector<std::string> w = Words(args);
  std::optional<long> io;
  std::optional<double> base;
  for (size_t i = 0; i < 2; ++i) {
    if (i >= w.size()) return MakeError("args string is incomplete", EINVAL);
    const std::string& word = w[i];
    // The reference checks neither for digits nor for the whole word: what
    // strtoul/strtod read of it counts ("io_num=x" is 0).
    if (word.rfind("io_num=", 0) == 0 && word.size() > 7) {
      io = static_cast<long>(std::strtoul(word.c_str() + 7, nullptr, 10));
    } else if (word.rfind("base_num=", 0) == 0 && word.size() > 9) {
      base = std::strtod(word.c_str() + 9, nullptr);
    }
  }
  if (!io || !base) return MakeError("args string is incomplete", EINVAL);
  if (*io < 20 || *io > 200) return MakeError("args io_num is outside the valid range", EINVAL);
  // NaN passes the reference's range test and poisons its arithmetic.
  if (!(*base >= 1.1 && *base <= 10)) {
    return MakeError("args base_num is outside the valid range", EINVAL);
  }
  return PathLatencyArgs{static_cast<int>(*io), *base};
}

Result<std::string> ParseIetArgs(std::string_view args) {
  Scanner s(args);
  std::optional<std::string> ip;
  if (!s.Literal("preferredip=") || !(ip = s.Word())) {
    return MakeError("unexpected prio_args format", EINVAL);
  }
  if (ip->size() <= 7) return MakeError("prio args: preferredip too short", EINVAL);
  return *ip;
}

Result<DatacoreArgs> ParseDatacoreArgs(std::string_view args) {
  SdsScan scan = ScanTimeoutFirst(args);
  if (!scan.sds) scan = ScanSdsFirst(args, true);
  if (!scan.sds) scan = ScanSdsFirst(args, false);
  if (!scan.sds) return MakeError("unexpected prio_args format", EINVAL);
  DatacoreArgs out;
  out.preferred_sds = *scan.sds;
  if (scan.timeout) out.timeout_ms = *scan.timeout;
  if (out.preferred_sds.size() <= 1) {
    return MakeError("prio args: preferredsds too short (1 character min)", EINVAL);
  }
  if (out.timeout_ms < 500 || out.timeout_ms > 20000) {
    return MakeError("prio args: timeout out of bounds [500:20000]", EINVAL);
  }
  return out;
}

}  // namespace mpx
