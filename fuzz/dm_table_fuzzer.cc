// libFuzzer target for the dm-multipath table and status parsers: no crash,
// and whatever ParseTable accepts formats to a line that parses back to the
// same value and formats to the same text again.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "policy/dm_table.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view line(reinterpret_cast<const char*>(data), size);
  auto table = mpx::ParseTable(line);
  if (table.ok()) {
    std::string formatted = mpx::FormatTable(*table);
    auto again = mpx::ParseTable(formatted);
    Check(again.ok());
    Check(*again == *table);
    Check(mpx::FormatTable(*again) == formatted);
  } else {
    Check(!table.error().message.empty());
  }
  auto status = mpx::ParseStatus(line);
  if (status.ok()) {
    for (const auto& g : status->groups) Check(!g.paths.empty());
    Check(status->groups.empty()
              ? status->current_group == 0
              : status->current_group >= 1 && status->current_group <= status->groups.size());
  }
  auto words = mpx::ParseCountedWords(line);
  if (words.ok()) {
    for (const auto& w : *words) Check(!w.empty());
  }
  return 0;
}
