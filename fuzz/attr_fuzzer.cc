// Fuzzes the small decoders of device facts: sense data, sysfs H:C:T:L and
// MAJOR:MINOR attributes, and the multipath command line. None may crash, and
// what they accept must print back the same.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "base/strings.h"
#include "cmd/multipath_options.h"
#include "discovery/scsi_path.h"
#include "scsi/sense.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::span<const uint8_t> bytes(data, size);
  if (auto s = mpx::scsi::DecodeSense(bytes); s && s->key > 0xf) std::abort();

  std::string text(reinterpret_cast<const char*>(data), size);
  if (auto h = mpx::ParseHctl(text); h.ok()) {
    if (mpx::ParseHctl(h->ToString()).value().ToString() != h->ToString()) std::abort();
  }
  if (auto d = mpx::ParseDevT(text); d.ok() && (d->first > 0xfff || d->second > 0xfffff))
    std::abort();

  std::vector<std::string> args;
  for (std::string_view a : mpx::Split(text, '\n')) args.emplace_back(a);
  auto o = mpx::ParseMultipathOptions(args);
  if (o.ok() && (o->verbosity < 0 || o->verbosity > 3)) std::abort();
  if (!o.ok() && o.error().message.empty()) std::abort();
  return 0;
}
