// libFuzzer target for the VPD decoders: no crash, no out-of-bounds read, and
// a few invariants that must hold for any input.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <vector>

#include "scsi/vpd.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

// A page ParseVpd83 accepts must rebuild byte for byte from its designators.
void CheckRoundTrip(std::span<const uint8_t> page,
                    const std::vector<mpx::scsi::Designator>& designators) {
  std::vector<uint8_t> body;
  for (const auto& d : designators) {
    Check(d.offset == 4 + body.size());
    body.push_back(static_cast<uint8_t>(d.protocol_id << 4 | d.code_set));
    const uint8_t reserved_bit = page[d.offset + 1] & 0x40;  // byte 1 bit 6: not decoded
    body.push_back(
        static_cast<uint8_t>((d.piv ? 0x80 : 0) | reserved_bit | d.association << 4 | d.type));
    body.push_back(page[d.offset + 2]);  // reserved byte, not decoded
    body.push_back(static_cast<uint8_t>(d.id.size()));
    body.insert(body.end(), d.id.begin(), d.id.end());
  }
  Check(body.size() == (size_t{page[2]} << 8 | page[3]));
  Check(std::equal(body.begin(), body.end(), page.begin() + 4));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::span<const uint8_t> page(data, size);
  auto parsed = mpx::scsi::ParseVpd83(page);
  if (parsed.ok()) CheckRoundTrip(page, parsed.value());

  auto wwid = mpx::scsi::WwidFromVpd83(page);
  if (wwid.ok()) {
    const std::string& w = wwid.value();
    Check(!w.empty() && w.size() <= 127);
    Check(w[0] == '1' || w[0] == '2' || w[0] == '3' || w[0] == '8');
    Check(w.find('\0') == std::string::npos);
  } else {
    Check(!wwid.error().message.empty() && wwid.error().code != 0);
  }

  auto serial = mpx::scsi::WwidFromVpd80(page);
  if (serial.ok()) {
    Check(!serial.value().empty() && serial.value().size() <= 127);
    Check(serial.value().front() != ' ');
  }
  return 0;
}
