// Fuzzes the state files' parsers (bindings, wwids, prkeys): no input may
// crash them. The input's first line is a WWID, the rest a file's text. For
// any text: a WWID added to the wwids file is then found in it, a binding
// added to the bindings file is found, and a key set in the prkeys file reads
// back as set.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "state/bindings.h"
#include "state/prkeys.h"
#include "state/wwids.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string in(reinterpret_cast<const char*>(data), size);
  size_t nl = in.find('\n');
  if (nl == std::string::npos) return 0;
  const std::string wwid = in.substr(0, nl);
  const std::string text = in.substr(nl + 1);
  // A WWID as the files hold them: one word, no comment mark.
  if (wwid.empty() || wwid.find_first_of(" \t\r\v\f#/\"") != std::string::npos) return 0;

  mpx::WwidsFile w = mpx::ParseWwids(text, "wwids");
  if (!mpx::Contains(mpx::ParseWwids(mpx::WithWwid(w, wwid), "wwids"), wwid)) std::abort();
  (void)mpx::WithoutWwid(w, wwid);

  mpx::BindingsFile b = mpx::ParseBindings(text, "bindings");
  if (!mpx::FindAlias(b, wwid)) {
    std::string alias = mpx::AllocateAlias(b, "mpath", {});
    mpx::BindingsFile again = mpx::ParseBindings(mpx::WithBindings(b, {{alias, wwid}}), "bindings");
    if (mpx::FindAlias(again, wwid) != alias) std::abort();
  }

  uint64_t key = 0;
  std::memcpy(&key, data, std::min(size, sizeof key));
  (void)mpx::FindPrKey(text, wwid);
  (void)mpx::WithPrKey(text, wwid, std::nullopt);
  auto found = mpx::FindPrKey(mpx::WithPrKey(text, wwid, mpx::StoredPrKey{key | 1, false}), wwid);
  if (!found || found->key != (key | 1) || found->aptpl) std::abort();
  return 0;
}
