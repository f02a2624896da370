#include "policy/partition_maps.h"

#include <algorithm>

#include "policy/dm_table.h"

namespace mpx {
namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::optional<int> PartitionNumber(std::string_view uuid, std::string_view parent_uuid) {
  constexpr std::string_view kPrefix = "part";
  if (parent_uuid.empty() || !uuid.starts_with(kPrefix)) return std::nullopt;
  const size_t dash = uuid.find('-', kPrefix.size());
  if (dash == std::string_view::npos || uuid.substr(dash + 1) != parent_uuid) return std::nullopt;
  const std::string_view digits = uuid.substr(kPrefix.size(), dash - kPrefix.size());
  if (!AllDigits(digits) || digits.size() > 6) return std::nullopt;
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

bool IsLinearOver(std::string_view table, uint32_t major, uint32_t minor) {
  while (!table.empty() && (table.back() == '\n' || table.back() == ' ')) table.remove_suffix(1);
  if (table.empty() || table.find('\n') != std::string_view::npos) return false;
  const auto target = SplitTargetLine(table);
  if (!target.ok() || target->type != "linear") return false;
  const std::string dev = std::to_string(major) + ":" + std::to_string(minor);
  const std::string_view params = target->params;
  return params.starts_with(dev) && params.size() > dev.size() && params[dev.size()] == ' ';
}

std::optional<std::string> RenamedPartitionMap(std::string_view part_name,
                                               std::string_view old_name, std::string_view new_name,
                                               const std::optional<std::string>& delimiter) {
  if (!part_name.starts_with(old_name) || new_name.empty()) return std::nullopt;
  size_t tail = old_name.size();
  while (tail < part_name.size() && (part_name[tail] < '0' || part_name[tail] > '9')) ++tail;
  std::string delim;
  if (delimiter) {
    delim = *delimiter;
  } else if (new_name.back() >= '0' && new_name.back() <= '9') {
    delim = "p";
  }
  return std::string(new_name) + delim + std::string(part_name.substr(tail));
}

}  // namespace mpx
