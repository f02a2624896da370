#include "state/wwids.h"

#include <algorithm>

#include "base/strings.h"

namespace mpx {
namespace {

constexpr const char* kWwidsHeader =
    "# Multipath wwids, Version : 1.0\n"
    "# NOTE: This file is automatically maintained by multipath and multipathd.\n"
    "# You should not need to edit this file in normal circumstances.\n"
    "#\n"
    "# Valid WWIDs:\n";

// The WWID of a "/wwid/" line, "" for comments and blanks, nullopt if bad.
std::optional<std::string> Entry(std::string_view line) {
  std::string_view t = Trim(line);
  if (t.empty() || t.front() == '#') return std::string();
  if (t.size() < 3 || t.front() != '/') return std::nullopt;
  size_t end = t.find('/', 1);
  if (end == std::string_view::npos || end == 1) return std::nullopt;
  std::string_view rest = Trim(t.substr(end + 1));
  if (!rest.empty() && rest.front() != '#') return std::nullopt;
  return std::string(t.substr(1, end - 1));
}

}  // namespace

WwidsFile ParseWwids(std::string_view text, std::string name) {
  WwidsFile f;
  f.name = std::move(name);
  auto lines = Split(text, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  for (size_t i = 0; i < lines.size(); ++i) {
    f.lines.emplace_back(lines[i]);
    auto e = Entry(lines[i]);
    if (!e) {
      f.warnings.push_back(f.name + ":" + std::to_string(i + 1) +
                           ": expected \"/WWID/\", line ignored");
    } else if (!e->empty() && !Contains(f, *e)) {
      f.wwids.push_back(std::move(*e));
    }
  }
  return f;
}

bool Contains(const WwidsFile& f, std::string_view wwid) {
  return std::find(f.wwids.begin(), f.wwids.end(), wwid) != f.wwids.end();
}

std::string WithWwid(const WwidsFile& f, std::string_view wwid) {
  std::string out = f.lines.empty() ? kWwidsHeader : "";
  for (const auto& l : f.lines) out += l + "\n";
  if (!Contains(f, wwid)) out += "/" + std::string(wwid) + "/\n";
  return out;
}

std::string WithoutWwid(const WwidsFile& f, std::string_view wwid) {
  std::string out;
  for (const auto& l : f.lines) {
    auto e = Entry(l);
    if (e && *e == wwid) continue;
    out += l + "\n";
  }
  return out;
}

std::string RewrittenWwids(const WwidsFile& f, const std::vector<std::string>& wwids) {
  std::string out = kWwidsHeader;
  for (const auto& l : f.lines) {
    if (!Entry(l)) out += "# unparsable line kept by multipath -W: " + l + "\n";
  }
  for (const auto& w : wwids) out += "/" + w + "/\n";
  return out;
}

}  // namespace mpx
