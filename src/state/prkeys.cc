#include "state/prkeys.h"

#include <cctype>
#include <cinttypes>
#include <cstdio>
#include <vector>

namespace mpx {
namespace {

constexpr size_t kKeyChars = 18;  // "0x" and 16 hex digits

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    out.push_back(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
  }
  return out;
}

// The wwid a key line is for: the first word after the key ("" when none).
std::string_view LineWwid(std::string_view line) {
  size_t start = line.find_first_not_of(" \t", line.find_first_of(" \t"));
  if (line.find_first_of(" \t") == std::string_view::npos || start == std::string_view::npos) {
    return {};
  }
  std::string_view rest = line.substr(start);
  return rest.substr(0, rest.find_first_of(" \t"));
}

std::optional<StoredPrKey> ParseKey(std::string_view word) {
  if (word.size() < 3 || word[0] != '0' || (word[1] != 'x' && word[1] != 'X') ||
      word.size() > kKeyChars) {
    return std::nullopt;
  }
  StoredPrKey k;
  k.aptpl = word[1] == 'X';
  for (char c : word.substr(2)) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return std::nullopt;
    int digit = std::isdigit(static_cast<unsigned char>(c))
                    ? c - '0'
                    : std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
    k.key = k.key * 16 + static_cast<uint64_t>(digit);
  }
  return k;
}

std::string KeyLine(StoredPrKey k, std::string_view wwid) {
  char buf[kKeyChars + 1];
  std::snprintf(buf, sizeof buf, "%s%016" PRIx64, k.aptpl ? "0X" : "0x", k.key);
  return std::string(buf) + " " + std::string(wwid);
}

}  // namespace

std::string_view PrKeysHeader() {
  return "# Multipath persistent reservation keys, Version : 1.0\n"
         "# NOTE: this file is automatically maintained by the multipathd program.\n"
         "# You should not need to edit this file in normal circumstances.\n"
         "#\n"
         "# Format:\n"
         "# prkey wwid\n"
         "#\n";
}

std::optional<StoredPrKey> FindPrKey(std::string_view text, std::string_view wwid) {
  for (std::string_view line : Lines(text)) {
    if (line.empty() || line.front() == '#' || LineWwid(line) != wwid) continue;
    return ParseKey(line.substr(0, line.find_first_of(" \t")));
  }
  return std::nullopt;
}

std::string WithPrKey(std::string_view text, std::string_view wwid,
                      std::optional<StoredPrKey> key) {
  const bool set = key.has_value() && key->key != 0;
  std::vector<std::string> lines;
  for (std::string_view l : Lines(text)) lines.emplace_back(l);
  // The live line for the wwid, else (when setting) a commented-out one.
  std::optional<size_t> at;
  for (size_t i = 0; i < lines.size() && !at; ++i) {
    if (!lines[i].empty() && lines[i].front() != '#' && LineWwid(lines[i]) == wwid) at = i;
  }
  for (size_t i = 0; i < lines.size() && !at && set; ++i) {
    if (lines[i].size() > 1 && lines[i][0] == '#' && (lines[i][1] == 'x' || lines[i][1] == 'X') &&
        LineWwid(lines[i]) == wwid) {
      at = i;
    }
  }
  if (!set) {
    if (!at) return std::string(text);
    lines[*at][0] = '#';
  } else if (at) {
    lines[*at] = KeyLine(*key, wwid);
  } else {
    if (lines.empty()) {
      for (std::string_view h : Lines(PrKeysHeader())) lines.emplace_back(h);
    }
    lines.push_back(KeyLine(*key, wwid));
  }
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

}  // namespace mpx
