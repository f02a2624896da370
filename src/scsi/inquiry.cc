#include "scsi/inquiry.h"

#include <cerrno>

#include "base/strings.h"

namespace mpx::scsi {
namespace {

std::string Field(std::span<const uint8_t> d, size_t from, size_t len) {
  std::string s(reinterpret_cast<const char*>(d.data() + from), len);
  return std::string(Trim(s));
}

}  // namespace

Result<StandardInquiry> DecodeStandardInquiry(std::span<const uint8_t> d) {
  if (d.size() < 36) {
    return MakeError(
        "standard INQUIRY data of " + std::to_string(d.size()) + " bytes, need at least 36",
        EINVAL);
  }
  StandardInquiry q;
  q.qualifier = static_cast<uint8_t>(d[0] >> 5);
  q.device_type = d[0] & 0x1f;
  q.tpgs = static_cast<uint8_t>((d[5] >> 4) & 0x3);
  q.vendor = Field(d, 8, 8);
  q.product = Field(d, 16, 16);
  q.revision = Field(d, 32, 4);
  return q;
}

}  // namespace mpx::scsi
