// libFuzzer target for the multipathd socket input: the frame reader over
// arbitrary byte streams split at a fuzzer-chosen point, and the command
// grammar over every message it yields. No crash, bounded buffering, and a
// parsed command re-parses the same.
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>
#include <vector>

#include "base/frame.h"
#include "daemon/cli_command.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t split = data[0] % (size);
  std::span<const char> bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  mpx::FrameReader reader(mpx::kMaxCommandBytes);
  std::vector<std::string> messages;
  bool ok = reader.Feed(bytes.subspan(0, std::min(split, bytes.size())), &messages).ok();
  if (ok) ok = reader.Feed(bytes.subspan(std::min(split, bytes.size())), &messages).ok();
  Check(reader.buffered() <= mpx::kMaxCommandBytes + sizeof(size_t));
  // The raw bytes as one command line, too.
  messages.emplace_back(bytes.data(), bytes.size());
  for (const std::string& m : messages) {
    auto c = mpx::ParseCliCommand(m);
    if (!c.ok()) {
      Check(!c.error().message.empty());
      continue;
    }
    Check(c->format.size() <= m.size() && c->map.size() <= m.size());
  }
  return 0;
}
