#include "config/config_regex.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace mpx {
namespace {

constexpr size_t kSaturated = size_t{1} << 40;

size_t Add(size_t a, size_t b) { return std::min(a + b, kSaturated); }
size_t Mul(size_t a, size_t b) { return b != 0 && a > kSaturated / b ? kSaturated : a * b; }

// One parenthesised level: its finished alternatives, the alternative being
// read, and its last atom (what a repetition operator copies).
struct Level {
  size_t done = 0;
  size_t branch = 0;
  size_t last = 0;
  void Atom(size_t n) {
    branch = Add(branch, n);
    last = n;
  }
  // The last atom is spelled out `copies` times, plus one node for the operator.
  void Repeat(size_t copies) {
    size_t grown = Add(Mul(last, copies), 1);
    branch = Add(branch, grown - last);
    last = grown;
  }
  size_t Total() const { return Add(done, branch); }
};

// "{n}", "{n,}", "{,m}" or "{n,m}" at p[*i]: how many copies glibc spells out
// (m, or n + 1 for an open bound), and *i moved to its '}'. False for a
// literal '{'.
bool ReadBound(std::string_view p, size_t* i, size_t* copies) {
  size_t bounds[2] = {0, 0};
  bool digits[2] = {false, false};
  int part = 0;
  size_t j = *i + 1;
  for (; j < p.size() && p[j] != '}'; ++j) {
    if (p[j] == ',' && part == 0) {
      part = 1;
    } else if (isdigit(static_cast<unsigned char>(p[j]))) {
      bounds[part] = Add(Mul(bounds[part], 10), static_cast<size_t>(p[j] - '0'));
      digits[part] = true;
    } else {
      return false;
    }
  }
  if (j == p.size() || !(digits[0] || digits[1])) return false;
  size_t most = part == 0 ? bounds[0] : digits[1] ? bounds[1] : Add(bounds[0], 1);
  *copies = std::max<size_t>(most, 1);
  *i = j;
  return true;
}

size_t SkipBracket(std::string_view p, size_t i) {
  size_t j = i + 1;
  if (j < p.size() && p[j] == '^') ++j;
  if (j < p.size() && p[j] == ']') ++j;
  size_t end = p.find(']', j);
  return end == std::string_view::npos ? p.size() : end;
}

}  // namespace

size_t EstimateRegexNodes(std::string_view p) {
  std::vector<Level> levels(1);
  for (size_t i = 0; i < p.size(); ++i) {
    Level& top = levels.back();
    size_t copies = 0;
    switch (p[i]) {
      case '\\':
        ++i;
        top.Atom(1);
        break;
      case '[':
        i = SkipBracket(p, i);
        top.Atom(1);
        break;
      case '(':
        levels.emplace_back();
        break;
      case ')':
        if (levels.size() > 1) {
          size_t group = Add(levels.back().Total(), 1);
          levels.pop_back();
          levels.back().Atom(group);
        } else {
          top.Atom(1);
        }
        break;
      case '|':
        top.done = Add(top.done, top.branch);
        top.branch = top.last = 0;
        break;
      case '*':
      case '?':
        top.Repeat(1);
        break;
      case '+':
        top.Repeat(2);
        break;
      case '{':
        if (ReadBound(p, &i, &copies)) {
          top.Repeat(copies);
        } else {
          top.Atom(1);
        }
        break;
      default:
        top.Atom(1);
    }
  }
  size_t total = 0;
  for (const Level& l : levels) total = Add(total, l.Total());
  return total;
}

Result<Regex> CompileConfigRegex(const std::string& pattern) {
  if (size_t nodes = EstimateRegexNodes(pattern); nodes > kMaxRegexNodes) {
    return MakeError("invalid regular expression \"" + pattern + "\": too complex (about " +
                         std::to_string(nodes) + " nodes to compile, at most " +
                         std::to_string(kMaxRegexNodes) + ")",
                     22 /*EINVAL*/);
  }
  return Regex::Compile(pattern);
}

}  // namespace mpx
