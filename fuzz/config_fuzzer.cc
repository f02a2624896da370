// Fuzzes the multipath.conf parser: no input may crash it or leak; an error
// names file:line; what it accepts prints back to text that parses to the same
// config (parse → print → parse → print is stable), warning at most about
// duplicate multipath entries and devices' bad regexes, which the printed text
// keeps.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "config/blacklist_config.h"
#include "config/parser.h"
#include "config/printer.h"
#include "config/resolve.h"

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
  for (const std::string& w : second->warnings) {  // only what the text itself repeats
    if (w.find("duplicate multipath section") == std::string::npos &&
        w.find("this device section never matches") == std::string::npos) {
      std::abort();
    }
  }
  if (mpx::PrintConfig(second->config, {.merged = false}) != printed) std::abort();
  // The merged view parses too, and the resolver and blacklist builder accept it all.
  if (!mpx::ParseConfig(mpx::PrintConfig(first->config), "m").ok()) std::abort();
  if (!mpx::BuildBlacklist(first->config).ok()) std::abort();
  mpx::Selection sel(first->config, {"NETAPP", "LUN", "1"}, "w");
  for (size_t i = 0; i < mpx::kOptCount; ++i) (void)sel.Get(static_cast<mpx::Opt>(i));
  return 0;
}
