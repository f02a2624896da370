// Fuzzes the multipath.conf parser: no input may crash it or leak; an error
// names file:line; what it accepts prints back to text that parses to the same
// config (parse → print → parse → print is stable), warning at most about
// what the text itself repeats (duplicate multipath or device entries,
// devices' bad regexes, deprecated keywords); and `multipath -t`'s merged
// view (built-in hardware table included) prints as itself when read back.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "config/blacklist_config.h"
#include "config/hwtable.h"
#include "config/parser.h"
#include "config/printer.h"
#include "config/resolve.h"

namespace {

bool Tolerated(const std::string& warning) {
  for (const char* ok : {"duplicate multipath section", "this device section never matches",
                         "duplicate device section", "is deprecated and will be disabled"}) {
    if (warning.find(ok) != std::string::npos) return true;
  }
  return false;
}

// -t output, parsed and printed again, is the same text.
void CheckMergedRoundTrip(mpx::Config config) {
  config.builtin_devices = mpx::BuiltinHardwareTable();
  std::string once = mpx::PrintConfig(config);
  auto again = mpx::ParseConfig(once, "m");
  if (!again.ok()) std::abort();
  again->config.builtin_devices = config.builtin_devices;
  if (mpx::PrintConfig(again->config) != once) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  auto first = mpx::ParseConfig(text, "f");
  if (!first.ok()) {
    if (first.error().message.rfind("f:", 0) != 0) std::abort();
    return 0;
  }
  std::string printed = mpx::PrintConfig(first->config, {.merged = false});
  auto second = mpx::ParseConfig(printed, "p");
  if (!second.ok()) std::abort();
  for (const std::string& w : second->warnings) {
    if (!Tolerated(w)) std::abort();
  }
  if (mpx::PrintConfig(second->config, {.merged = false}) != printed) std::abort();
  CheckMergedRoundTrip(first->config);
  if (!mpx::BuildBlacklist(first->config).ok()) std::abort();
  mpx::Selection sel(first->config, {"NETAPP", "LUN", "1", "scsi:fcp"}, "w");
  for (size_t i = 0; i < mpx::kOptCount; ++i) (void)sel.Get(static_cast<mpx::Opt>(i));
  return 0;
}
