#include "daemon/cli_command.h"

#include <cerrno>
#include <span>

namespace mpx {
namespace {

struct Pattern {
  CliCmd cmd;
  std::string_view words;  // canonical words; $path $map $group $format $key take one word
  bool read_only;
};

// In the order of the reference's usage listing; mpx's own at the end.
constexpr Pattern kPatterns[] = {
    {CliCmd::kShowPaths, "show paths", true},
    {CliCmd::kShowPathsFormat, "show paths format $format", true},
    {CliCmd::kShowPathsRawFormat, "show paths raw format $format", true},
    {CliCmd::kShowPath, "show path $path", true},
    {CliCmd::kShowMaps, "show maps", true},
    {CliCmd::kShowStatus, "show status", true},
    {CliCmd::kShowDaemon, "show daemon", true},
    {CliCmd::kShowMapsStatus, "show maps status", true},
    {CliCmd::kShowMapsStats, "show maps stats", true},
    {CliCmd::kShowMapsFormat, "show maps format $format", true},
    {CliCmd::kShowMapsRawFormat, "show maps raw format $format", true},
    {CliCmd::kShowMapsTopology, "show maps topology", true},
    {CliCmd::kShowTopology, "show topology", true},
    {CliCmd::kShowMapsJson, "show maps json", true},
    {CliCmd::kShowMapTopology, "show map $map topology", true},
    {CliCmd::kShowMapFormat, "show map $map format $format", true},
    {CliCmd::kShowMapRawFormat, "show map $map raw format $format", true},
    {CliCmd::kShowMapJson, "show map $map json", true},
    {CliCmd::kShowConfigLocal, "show config local", true},
    {CliCmd::kShowConfig, "show config", true},
    {CliCmd::kShowBlacklist, "show blacklist", true},
    {CliCmd::kShowDevices, "show devices", true},
    {CliCmd::kShowWildcards, "show wildcards", true},
    {CliCmd::kResetMapsStats, "reset maps stats", false},
    {CliCmd::kResetMapStats, "reset map $map stats", false},
    {CliCmd::kAddPath, "add path $path", false},
    {CliCmd::kDelPath, "del path $path", false},
    {CliCmd::kAddMap, "add map $map", false},
    {CliCmd::kDelMap, "del map $map", false},
    {CliCmd::kDelMaps, "del maps", false},
    {CliCmd::kSwitchGroup, "switchgroup map $map group $group", false},
    {CliCmd::kReconfigure, "reconfigure", false},
    {CliCmd::kReconfigureAll, "reconfigure all", false},
    {CliCmd::kSuspendMap, "suspend map $map", false},
    {CliCmd::kResumeMap, "resume map $map", false},
    {CliCmd::kResizeMap, "resize map $map", false},
    {CliCmd::kReloadMap, "reload map $map", false},
    {CliCmd::kResetMap, "reset map $map", false},
    {CliCmd::kReinstatePath, "reinstate path $path", false},
    {CliCmd::kFailPath, "fail path $path", false},
    {CliCmd::kDisableQueueingMap, "disablequeueing map $map", false},
    {CliCmd::kRestoreQueueingMap, "restorequeueing map $map", false},
    {CliCmd::kDisableQueueingMaps, "disablequeueing maps", false},
    {CliCmd::kRestoreQueueingMaps, "restorequeueing maps", false},
    {CliCmd::kQuit, "quit", true},
    {CliCmd::kShutdown, "shutdown", false},
    {CliCmd::kGetPrStatus, "getprstatus map $map", true},
    {CliCmd::kSetPrStatus, "setprstatus map $map", false},
    {CliCmd::kUnsetPrStatus, "unsetprstatus map $map", false},
    {CliCmd::kForceQueueingDaemon, "forcequeueing daemon", false},
    {CliCmd::kRestoreQueueingDaemon, "restorequeueing daemon", false},
    {CliCmd::kGetPrKey, "getprkey map $map", true},
    {CliCmd::kSetPrKey, "setprkey map $map key $key", false},
    {CliCmd::kUnsetPrKey, "unsetprkey map $map", false},
    {CliCmd::kSetMarginalPath, "setmarginal path $path", false},
    {CliCmd::kUnsetMarginalPath, "unsetmarginal path $path", false},
    {CliCmd::kUnsetMarginalMap, "unsetmarginal map $map", false},
    {CliCmd::kShowMetrics, "show metrics", true},
};

struct Synonym {
  std::string_view word;
  std::string_view canonical;
  std::string_view usage;  // how the usage listing spells the canonical word
};

constexpr Synonym kSynonyms[] = {
    {"list", "show", "list|show"},
    {"show", "show", "list|show"},
    {"multipaths", "maps", "maps|multipaths"},
    {"maps", "maps", "maps|multipaths"},
    {"multipath", "map", "map|multipath"},
    {"map", "map", "map|multipath"},
    {"remove", "del", "remove|del"},
    {"del", "del", "remove|del"},
    {"switch", "switchgroup", "switch|switchgroup"},
    {"switchgroup", "switchgroup", "switch|switchgroup"},
    {"exit", "quit", "quit|exit"},
    {"quit", "quit", "quit|exit"},
};

std::string_view Canonical(std::string_view word) {
  for (const Synonym& s : kSynonyms) {
    if (s.word == word) return s.canonical;
  }
  return word;
}

std::string_view UsageWord(std::string_view canonical) {
  for (const Synonym& s : kSynonyms) {
    if (s.canonical == canonical) return s.usage;
  }
  return canonical;
}

std::vector<std::string_view> PatternWords(std::string_view words) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start < words.size()) {
    size_t end = words.find(' ', start);
    if (end == std::string_view::npos) end = words.size();
    out.push_back(words.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool IsParam(std::string_view w) { return !w.empty() && w.front() == '$'; }

enum class Match { kNo, kPrefix, kFull };

// How `words` matches the pattern; on a full match, fills the parameters.
Match MatchPattern(const Pattern& p, std::span<const std::string> words, CliCommand* out) {
  std::vector<std::string_view> want = PatternWords(p.words);
  CliCommand c;
  c.cmd = p.cmd;
  c.read_only = p.read_only;
  size_t i = 0;
  for (; i < want.size() && i < words.size(); ++i) {
    if (!IsParam(want[i])) {
      if (Canonical(words[i]) != want[i]) return Match::kNo;
      continue;
    }
    std::string_view name = want[i];
    std::string& slot = name == "$path"     ? c.path
                        : name == "$map"    ? c.map
                        : name == "$group"  ? c.group
                        : name == "$format" ? c.format
                                            : c.key;
    slot = words[i];
  }
  if (words.size() > want.size()) return Match::kNo;
  if (i < want.size()) return Match::kPrefix;
  c.json = c.cmd == CliCmd::kShowMapsJson || c.cmd == CliCmd::kShowMapJson;
  *out = std::move(c);
  return Match::kFull;
}

std::string Joined(std::span<const std::string> words) {
  std::string s;
  for (const auto& w : words) s += (s.empty() ? "" : " ") + w;
  return s;
}

}  // namespace

Result<std::vector<std::string>> SplitCliWords(std::string_view line) {
  std::vector<std::string> words;
  size_t i = 0;
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (i < line.size()) {
    if (blank(line[i])) {
      ++i;
      continue;
    }
    std::string w;
    while (i < line.size() && !blank(line[i])) {
      if (line[i] == '"') {
        size_t close = line.find('"', i + 1);
        if (close == std::string_view::npos) return MakeError("unclosed quote", EINVAL);
        w.append(line.substr(i + 1, close - i - 1));
        i = close + 1;
      } else {
        w.push_back(line[i++]);
      }
    }
    words.push_back(std::move(w));
  }
  return words;
}

Result<CliCommand> ParseCliCommand(std::string_view line) {
  auto split = SplitCliWords(line);
  if (!split.ok()) return MakeError(std::string(line) + ": " + split.error().message, EINVAL);
  std::vector<std::string> words = std::move(split).value();
  // "show ... json": any show command as JSON.
  bool json = words.size() > 2 && Canonical(words.front()) == "show" && words.back() == "json";
  bool prefix = false;
  for (int attempt = 0; attempt < (json ? 2 : 1); ++attempt) {
    std::span<const std::string> w(words.data(), words.size() - (attempt == 1 ? 1 : 0));
    for (const Pattern& p : kPatterns) {
      CliCommand c;
      Match m = MatchPattern(p, w, &c);
      if (m == Match::kFull) {
        c.json = c.json || attempt == 1;
        return c;
      }
      prefix = prefix || (m == Match::kPrefix && attempt == 0);
    }
  }
  std::string shown = Joined(words);
  if (prefix || words.empty()) return MakeError(shown + ": Missing argument", EINVAL);
  return MakeError(shown + ": not found", ENOENT);
}

std::string CliUsage() {
  std::string out = "CLI commands reference:\n";
  for (const Pattern& p : kPatterns) {
    out += " ";
    bool first = true;
    for (std::string_view w : PatternWords(p.words)) {
      out += first ? "" : " ";
      out += UsageWord(w);
      first = false;
    }
    out += "\n";
  }
  out += " list|show ... json\n";
  return out;
}

}  // namespace mpx
