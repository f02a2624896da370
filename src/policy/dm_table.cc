#include "policy/dm_table.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <limits>

#include "base/strings.h"

namespace mpx {
namespace {

constexpr uint64_t kMaxUnsigned = std::numeric_limits<unsigned>::max();

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0'; }

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsBlank(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !IsBlank(s[j])) ++j;
    if (j > i) words.push_back(s.substr(i, j - i));
    i = j;
  }
  return words;
}

bool IsDevT(std::string_view w) {
  size_t colon = w.find(':');
  if (colon == std::string_view::npos) return false;
  auto major = ParseU64(w.substr(0, colon));
  auto minor = ParseU64(w.substr(colon + 1));
  return major && minor && *major <= UINT32_MAX && *minor <= UINT32_MAX;
}

// Reads words left to right. The first failure sticks: later reads return
// empty values, so a parser can run to its end and report the first error.
class WordReader {
 public:
  WordReader(std::string_view line, std::string_view what)
      : words_(SplitWords(line)), what_(what) {}

  std::string Word(std::string_view expected) {
    if (error_ || pos_ >= words_.size()) {
      Fail(expected);
      return {};
    }
    return std::string(words_[pos_++]);
  }
  uint64_t Number(std::string_view expected, uint64_t max = kMaxUnsigned) {
    auto v = error_ || pos_ >= words_.size() ? std::nullopt : ParseU64(words_[pos_]);
    if (!v || *v > max) {
      Fail(expected);
      return 0;
    }
    ++pos_;
    return *v;
  }
  std::string DevT() {
    if (!error_ && pos_ < words_.size() && !IsDevT(words_[pos_])) Fail("a path as major:minor");
    return Word("a path as major:minor");
  }
  std::vector<std::string> Words(uint64_t n, std::string_view expected) {
    std::vector<std::string> out;
    for (uint64_t i = 0; i < n && !error_; ++i) out.push_back(Word(expected));
    return out;
  }
  // Fails at the word just read (a value that parsed but is out of range).
  void FailPrevious(std::string_view expected) {
    if (error_) return;
    --pos_;
    Fail(expected);
  }
  void ExpectEnd(std::string_view expected) {
    if (!error_ && pos_ < words_.size()) Fail(expected);
  }
  bool failed() const { return error_; }
  Error error() const { return MakeError(message_, 22 /*EINVAL*/); }

 private:
  void Fail(std::string_view expected) {
    if (error_) return;
    error_ = true;
    std::string where =
        pos_ < words_.size() ? "(\"" + std::string(words_[pos_]) + "\")" : "(end of line)";
    message_ = std::string(what_) + ": word " + std::to_string(pos_) + " " + where + ": expected " +
               std::string(expected);
  }

  std::vector<std::string_view> words_;
  std::string_view what_;
  size_t pos_ = 0;
  bool error_ = false;
  std::string message_;
};

void ReadTarget(WordReader& r, uint64_t& start, uint64_t& length) {
  start = r.Number("the start sector", UINT64_MAX);
  length = r.Number("the length in sectors", UINT64_MAX);
  if (r.Word("the target type \"multipath\"") != "multipath")
    r.FailPrevious("the target type \"multipath\"");
}

// A group count and the 1-based group number that must lie within it.
unsigned ReadGroupNumber(WordReader& r, uint64_t groups, std::string_view what) {
  uint64_t n = r.Number(what);
  if (groups == 0 ? n != 0 : (n < 1 || n > groups)) {
    r.FailPrevious(std::string(what) +
                   (groups == 0 ? ", 0 with no groups" : ", 1 to " + std::to_string(groups)));
  }
  return static_cast<unsigned>(n);
}

void Append(std::string& out, const std::vector<std::string>& words) {
  for (const auto& w : words) out += " " + w;
}

}  // namespace

std::string FormatTable(const DmTable& t) {
  std::string out = std::to_string(t.start) + " " + std::to_string(t.length) + " multipath " +
                    std::to_string(t.features.size());
  Append(out, t.features);
  if (t.hwhandler.empty()) {
    out += " 0";
  } else {
    out += " " + std::to_string(1 + t.hwhandler_args.size()) + " " + t.hwhandler;
    Append(out, t.hwhandler_args);
  }
  out += " " + std::to_string(t.groups.size()) + " " + std::to_string(t.initial_group);
  for (const auto& g : t.groups) {
    out += " " + g.selector + " " + std::to_string(g.selector_args.size());
    Append(out, g.selector_args);
    size_t per_path = g.paths.empty() ? 0 : g.paths.front().args.size();
    out += " " + std::to_string(g.paths.size()) + " " + std::to_string(per_path);
    for (const auto& p : g.paths) {
      out += " " + p.dev;
      Append(out, p.args);
    }
  }
  return out;
}

Result<DmTable> ParseTable(std::string_view line) {
  WordReader r(line, "dm table");
  DmTable t;
  ReadTarget(r, t.start, t.length);
  t.features = r.Words(r.Number("the number of feature words"), "a feature word");
  uint64_t hwh = r.Number("the number of hardware handler words");
  if (hwh > 0) {
    t.hwhandler = r.Word("the hardware handler name");
    t.hwhandler_args = r.Words(hwh - 1, "a hardware handler arg");
  }
  uint64_t groups = r.Number("the number of path groups");
  t.initial_group = ReadGroupNumber(r, groups, "the initial path group");
  for (uint64_t i = 0; i < groups && !r.failed(); ++i) {
    DmTableGroup g;
    g.selector = r.Word("a path selector name");
    g.selector_args = r.Words(r.Number("the number of selector args"), "a selector arg");
    uint64_t paths = r.Number("the number of paths");
    if (paths == 0) r.FailPrevious("the number of paths, at least 1");
    uint64_t per_path = r.Number("the number of per-path args");
    for (uint64_t j = 0; j < paths && !r.failed(); ++j) {
      DmTablePath p;
      p.dev = r.DevT();
      p.args = r.Words(per_path, "a per-path arg");
      g.paths.push_back(std::move(p));
    }
    t.groups.push_back(std::move(g));
  }
  r.ExpectEnd("the end of the table");
  if (r.failed()) return r.error();
  return t;
}

Result<DmStatus> ParseStatus(std::string_view line) {
  WordReader r(line, "dm status");
  DmStatus s;
  ReadTarget(r, s.start, s.length);
  if (r.Number("the number of feature status words (2)") != 2) {
    r.FailPrevious("the number of feature status words (2)");
  }
  s.queueing = r.Number("the queueing flag (0 or 1)", 1) == 1;
  s.pg_init_count = static_cast<unsigned>(r.Number("the pg_init count"));
  s.hwhandler_status = r.Words(r.Number("the number of hardware handler status words"),
                               "a hardware handler status word");
  uint64_t groups = r.Number("the number of path groups");
  s.current_group = ReadGroupNumber(r, groups, "the current path group");
  for (uint64_t i = 0; i < groups && !r.failed(); ++i) {
    DmGroupStatus g;
    std::string state = r.Word("a group state (A, E or D)");
    if (state == "A")
      g.state = DmGroupState::kActive;
    else if (state == "E")
      g.state = DmGroupState::kEnabled;
    else if (state == "D")
      g.state = DmGroupState::kDisabled;
    else
      r.FailPrevious("a group state (A, E or D)");
    g.selector_args =
        r.Words(r.Number("the number of selector status args"), "a selector status arg");
    uint64_t paths = r.Number("the number of paths");
    if (paths == 0) r.FailPrevious("the number of paths, at least 1");
    uint64_t per_path = r.Number("the number of path status args");
    for (uint64_t j = 0; j < paths && !r.failed(); ++j) {
      DmPathStatus p;
      p.dev = r.DevT();
      std::string st = r.Word("a path state (A or F)");
      if (st != "A" && st != "F") r.FailPrevious("a path state (A or F)");
      p.active = st == "A";
      p.fail_count = static_cast<unsigned>(r.Number("the fail count"));
      p.selector_args = r.Words(per_path, "a path status arg");
      g.paths.push_back(std::move(p));
    }
    s.groups.push_back(std::move(g));
  }
  r.ExpectEnd("the end of the status");
  if (r.failed()) return r.error();
  return s;
}

Result<std::vector<std::string>> ParseCountedWords(std::string_view s) {
  std::vector<std::string_view> words = SplitWords(s);
  auto n = words.empty() ? std::nullopt : ParseU64(words[0]);
  if (!n || *n != words.size() - 1) {
    return MakeError(
        "\"" + std::string(s) + "\": expected a word count followed by that many words",
        22 /*EINVAL*/);
  }
  return std::vector<std::string>(words.begin() + 1, words.end());
}

Result<DmTable> BuildTable(const MultipathMap& map, const PathSet& paths, const TableOptions& o) {
  auto fail = [&](const std::string& why) { return MakeError("map " + map.name + ": " + why, 22); };
  auto features = ParseCountedWords(map.features);
  if (!features) return fail("features " + features.error().message);
  auto hwhandler = ParseCountedWords(map.hwhandler);
  if (!hwhandler) return fail("hardware_handler " + hwhandler.error().message);
  DmTable t;
  t.length = map.size_sectors;
  t.features = std::move(*features);
  if (o.queue_if_no_path.has_value()) {
    std::erase(t.features, "queue_if_no_path");
    if (*o.queue_if_no_path) t.features.push_back("queue_if_no_path");
  }
  if (!hwhandler->empty()) {
    t.hwhandler = hwhandler->front();
    t.hwhandler_args.assign(hwhandler->begin() + 1, hwhandler->end());
  }
  t.initial_group = map.groups.empty() ? 0 : 1;
  for (size_t gi = 0; gi < map.groups.size(); ++gi) {
    const PathGroup& pg = map.groups[gi];
    std::vector<std::string_view> sel = SplitWords(pg.selector);
    auto count = sel.size() < 2 ? std::nullopt : ParseU64(sel[1]);
    if (!count || *count != sel.size() - 2) {
      return fail("path_selector \"" + pg.selector +
                  "\": expected a name, a word count and that many words");
    }
    if (pg.paths.empty()) return fail("path group " + std::to_string(gi + 1) + " has no paths");
    DmTableGroup g{std::string(sel[0]), {sel.begin() + 2, sel.end()}, {}};
    for (PathId i : pg.paths) {
      const Path* p = paths.Find(i);
      if (p == nullptr) return fail("path " + i.ToString() + " is not known");
      uint64_t minio = o.rr_min_io_rq;
      if (o.rr_weight_priorities && p->priority > 0) minio *= static_cast<uint64_t>(p->priority);
      g.paths.push_back({i.ToString(), {std::to_string(minio)}});
    }
    t.groups.push_back(std::move(g));
  }
  return t;
}

Result<DmTarget> SplitTargetLine(std::string_view line) {
  DmTarget t;
  std::string_view rest = Trim(line);
  auto word = [&rest]() {
    size_t end = rest.find_first_of(" \t");
    std::string_view w = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
    return w;
  };
  auto start = ParseU64(word());
  auto length = ParseU64(word());
  t.type = std::string(word());
  if (!start || !length || t.type.empty()) {
    return MakeError("\"" + std::string(line) + "\": expected <start> <length> <type> <params>",
                     EINVAL);
  }
  t.start = *start;
  t.length = *length;
  t.params = std::string(rest);
  return t;
}

}  // namespace mpx
