// Fuzzes the REPORT TARGET PORT GROUPS reply parser (replies come from
// targets: untrusted). Accepted replies must be internally consistent.
#include <cstdint>
#include <cstdlib>

#include "scsi/inquiry.h"
#include "scsi/rtpg.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::span<const uint8_t> bytes(data, size);
  size_t needed = 0;
  auto groups = mpx::scsi::ParseRtpg(bytes, &needed);
  if (groups.ok()) {
    if (needed > size) std::abort();
    size_t bytes_used = 0;
    for (const auto& g : groups.value()) {
      bytes_used += 8 + 4 * g.relative_ports.size();
      if (mpx::scsi::AluaPriority(g.state, g.preferred) > 130) std::abort();
    }
    if (bytes_used + 4 > needed) std::abort();
  }
  auto q = mpx::scsi::DecodeStandardInquiry(bytes);
  if (q.ok() && (q->vendor.size() > 8 || q->product.size() > 16 || q->device_type > 0x1f))
    std::abort();
  return 0;
}
