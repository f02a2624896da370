#include "plan/table_compare.h"

#include <algorithm>
#include <set>

#include "base/strings.h"

namespace mpx {
namespace {

// Features that take one argument word.
const std::set<std::string, std::less<>> kFeaturesWithArg = {"pg_init_retries",
                                                             "pg_init_delay_msecs", "queue_mode"};

std::vector<std::string> CanonicalFeatures(const std::vector<std::string>& words) {
  std::vector<std::string> units;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string unit = words[i];
    if (kFeaturesWithArg.count(words[i]) && i + 1 < words.size()) unit += " " + words[++i];
    units.push_back(std::move(unit));
  }
  std::sort(units.begin(), units.end());
  std::vector<std::string> out;
  for (const auto& u : units) {
    for (auto w : Split(u, ' ')) out.emplace_back(w);
  }
  return out;
}

// The table as the kernel prints it, in diff tokens: single words for the
// header; "#groups initial" as one token; per group the selector with its
// args, the two counts, and each path with its args ("8:16 1") as one token
// each, so a diff shows whole paths and groups coming and going. Each token
// carries its kind so that, say, a path count never matches a group count.
struct Token {
  char kind;
  std::string text;
  bool operator==(const Token&) const = default;
};

std::vector<Token> Tokens(const DmTable& t) {
  std::vector<Token> out;
  auto add = [&](char kind, std::string text) { out.push_back({kind, std::move(text)}); };
  add('h', std::to_string(t.start));
  add('h', std::to_string(t.length));
  add('h', "multipath");
  add('h', std::to_string(t.features.size()));
  for (const auto& f : t.features) add('f', f);
  if (t.hwhandler.empty()) {
    add('w', "0");
  } else {
    add('w', std::to_string(1 + t.hwhandler_args.size()));
    add('w', t.hwhandler);
    for (const auto& a : t.hwhandler_args) add('w', a);
  }
  add('n', std::to_string(t.groups.size()) + " " + std::to_string(t.initial_group));
  for (const auto& g : t.groups) {
    std::string selector = g.selector + " " + std::to_string(g.selector_args.size());
    for (const auto& a : g.selector_args) selector += " " + a;
    add('s', std::move(selector));
    add('c', std::to_string(g.paths.size()) + " " +
                 std::to_string(g.paths.empty() ? 0 : g.paths.front().args.size()));
    for (const auto& p : g.paths) {
      std::string tok = p.dev;
      for (const auto& a : p.args) tok += " " + a;
      add('p', std::move(tok));
    }
  }
  return out;
}

}  // namespace

DmTable CanonicalTable(DmTable t) {
  t.features = CanonicalFeatures(t.features);
  t.initial_group = 0;
  for (auto& g : t.groups) {
    for (auto& p : g.paths) {
      if (p.args.empty()) continue;
      std::string repeat = p.args.front();
      auto n = ParseU64(repeat);
      if (n && *n > 1) repeat = "1";
      p.args = {repeat};
    }
  }
  return t;
}

bool SameTable(const DmTable& wanted, const DmTable& current) {
  return CanonicalTable(wanted) == CanonicalTable(current);
}

std::string TableWordDiff(const DmTable& current, const DmTable& wanted) {
  const std::vector<Token> a = Tokens(current), b = Tokens(wanted);
  // Longest common subsequence over words; tables are a few hundred words.
  std::vector<std::vector<unsigned>> lcs(a.size() + 1, std::vector<unsigned>(b.size() + 1, 0));
  for (size_t i = a.size(); i-- > 0;) {
    for (size_t j = b.size(); j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::string out;
  std::vector<Token> del, ins;
  auto flush = [&] {
    auto join = [](const std::vector<Token>& v) {
      std::string s;
      for (const auto& w : v) s += (s.empty() ? "" : " ") + w.text;
      return s;
    };
    if (!del.empty()) out += (out.empty() ? "" : " ") + ("[-" + join(del) + "-]");
    if (!ins.empty()) out += (out.empty() ? "" : " ") + ("{+" + join(ins) + "+}");
    del.clear();
    ins.clear();
  };
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      flush();
      out += (out.empty() ? "" : " ") + a[i].text;
      ++i, ++j;
    } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
      del.push_back(a[i++]);  // at a tie, removals first: "[-1-] {+2+}"
    } else {
      ins.push_back(b[j++]);
    }
  }
  flush();
  return out;
}

}  // namespace mpx
