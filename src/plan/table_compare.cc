#include "plan/table_compare.h"

#include <algorithm>
#include <set>

#include "base/strings.h"

namespace mpx {
namespace {

// Features that take one argument word.
const std::set<std::string, std::less<>> kFeaturesWithArg = {"pg_init_retries", "pg_init_delay_msecs",
                                                              "queue_mode"};

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

// The table as the kernel prints it, in diff tokens: single words, except
// that a path and its args ("8:16 1") are one token, so that a diff shows
// whole paths coming and going.
std::vector<std::string> Tokens(const DmTable& t) {
  std::vector<std::string> out = {std::to_string(t.start), std::to_string(t.length), "multipath",
                                  std::to_string(t.features.size())};
  out.insert(out.end(), t.features.begin(), t.features.end());
  if (t.hwhandler.empty()) {
    out.push_back("0");
  } else {
    out.push_back(std::to_string(1 + t.hwhandler_args.size()));
    out.push_back(t.hwhandler);
    out.insert(out.end(), t.hwhandler_args.begin(), t.hwhandler_args.end());
  }
  out.push_back(std::to_string(t.groups.size()));
  out.push_back(std::to_string(t.initial_group));
  for (const auto& g : t.groups) {
    out.push_back(g.selector);
    out.push_back(std::to_string(g.selector_args.size()));
    out.insert(out.end(), g.selector_args.begin(), g.selector_args.end());
    out.push_back(std::to_string(g.paths.size()));
    out.push_back(std::to_string(g.paths.empty() ? 0 : g.paths.front().args.size()));
    for (const auto& p : g.paths) {
      std::string tok = p.dev;
      for (const auto& a : p.args) tok += " " + a;
      out.push_back(std::move(tok));
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
  const std::vector<std::string> a = Tokens(current), b = Tokens(wanted);
  // Longest common subsequence over words; tables are a few hundred words.
  std::vector<std::vector<unsigned>> lcs(a.size() + 1, std::vector<unsigned>(b.size() + 1, 0));
  for (size_t i = a.size(); i-- > 0;) {
    for (size_t j = b.size(); j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::string out;
  std::vector<std::string> del, ins;
  auto flush = [&] {
    auto join = [](const std::vector<std::string>& v) {
      std::string s;
      for (const auto& w : v) s += (s.empty() ? "" : " ") + w;
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
      out += (out.empty() ? "" : " ") + a[i];
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
