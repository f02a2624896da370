#include "state/bindings.h"

#include <algorithm>
#include <map>

#include "base/strings.h"

namespace mpx {
namespace {

constexpr const char* kBindingsHeader =
    "# Multipath bindings, Version : 1.0\n"
    "# NOTE: this file is automatically maintained by the multipath program.\n"
    "# You should not need to edit this file in normal circumstances.\n"
    "#\n"
    "# Format:\n"
    "# alias wwid\n"
    "#\n";

std::vector<std::string_view> Words(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > start) out.push_back(line.substr(start, i - start));
  }
  return out;
}

}  // namespace

BindingsFile ParseBindings(std::string_view text, std::string name) {
  BindingsFile f;
  f.name = std::move(name);
  std::map<std::string, int, std::less<>> alias_line, wwid_line;
  auto lines = Split(text, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  for (size_t i = 0; i < lines.size(); ++i) {
    const int no = static_cast<int>(i) + 1;
    std::string_view line = lines[i];
    f.lines.emplace_back(line);
    std::string_view content = line.substr(0, line.find('#'));
    auto w = Words(content);
    if (w.empty()) continue;
    auto warn = [&](const std::string& msg) {
      f.warnings.push_back(f.name + ":" + std::to_string(no) + ": " + msg + ", line ignored");
    };
    if (w.size() != 2) {
      warn("expected \"alias wwid\", found " + std::to_string(w.size()) + " word(s)");
      continue;
    }
    if (auto it = alias_line.find(w[0]); it != alias_line.end()) {
      warn("alias " + std::string(w[0]) + " already bound on line " + std::to_string(it->second));
      continue;
    }
    if (auto it = wwid_line.find(w[1]); it != wwid_line.end()) {
      warn("wwid " + std::string(w[1]) + " already bound on line " + std::to_string(it->second));
      continue;
    }
    alias_line.emplace(std::string(w[0]), no);
    wwid_line.emplace(std::string(w[1]), no);
    f.bindings.push_back({std::string(w[0]), std::string(w[1]), no});
  }
  return f;
}

std::string AliasForId(uint64_t id, std::string_view prefix) {
  std::string suffix;
  for (uint64_t n = id; n > 0; n = (n - 1) / 26)
    suffix.push_back(static_cast<char>('a' + (n - 1) % 26));
  std::reverse(suffix.begin(), suffix.end());
  return std::string(prefix) + suffix;
}

std::optional<uint64_t> IdOfAlias(std::string_view alias, std::string_view prefix) {
  if (!StartsWith(alias, prefix) || alias.size() == prefix.size() ||
      alias.size() - prefix.size() > 12) {
    return std::nullopt;
  }
  uint64_t id = 0;
  for (char c : alias.substr(prefix.size())) {
    if (c < 'a' || c > 'z') return std::nullopt;
    id = id * 26 + static_cast<uint64_t>(c - 'a' + 1);
  }
  return id;
}

std::optional<std::string> FindAlias(const BindingsFile& f, std::string_view wwid) {
  for (const auto& b : f.bindings) {
    if (b.wwid == wwid) return b.alias;
  }
  return std::nullopt;
}

std::string AllocateAlias(const BindingsFile& f, std::string_view prefix,
                          const std::set<std::string>& names_in_use) {
  std::set<uint64_t> taken;
  for (const auto& b : f.bindings) {
    if (auto id = IdOfAlias(b.alias, prefix)) taken.insert(*id);
  }
  for (const auto& n : names_in_use) {
    if (auto id = IdOfAlias(n, prefix)) taken.insert(*id);
  }
  uint64_t id = 1;
  for (uint64_t t : taken) {
    if (t != id) break;
    ++id;
  }
  return AliasForId(id, prefix);
}

std::string WithBindings(const BindingsFile& f, const std::vector<Binding>& added) {
  std::string out;
  if (f.lines.empty()) out = kBindingsHeader;
  for (const auto& l : f.lines) out += l + "\n";
  for (const auto& b : added) out += b.alias + " " + b.wwid + "\n";
  return out;
}

}  // namespace mpx
