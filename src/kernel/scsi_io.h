// ScsiIo: SCSI commands sent to a device node. The product uses SgIo (the
// SG_IO ioctl); tests use fakes that return canned pages or inject errors.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"

namespace mpx {

class ScsiIo {
 public:
  virtual ~ScsiIo() = default;
  // INQUIRY with EVPD=1 for `page` on `devnode` (e.g. "/dev/sdb"): the page
  // bytes as returned (header included), or an error naming the device and
  // the sense/host/driver status.
  virtual Result<std::vector<uint8_t>> InquiryVpd(const std::string& devnode, uint8_t page) = 0;
};

// The real thing. Each call opens the node O_RDONLY|O_NONBLOCK and closes it.
class SgIo : public ScsiIo {
 public:
  explicit SgIo(unsigned timeout_ms = 30000) : timeout_ms_(timeout_ms) {}
  Result<std::vector<uint8_t>> InquiryVpd(const std::string& devnode, uint8_t page) override;

 private:
  unsigned timeout_ms_;
};

// No SCSI access at all (recorded trees): every call fails with ENODEV.
class NoScsiIo : public ScsiIo {
 public:
  Result<std::vector<uint8_t>> InquiryVpd(const std::string& devnode, uint8_t) override {
    return MakeError(devnode + ": no SCSI access in this context", 19 /*ENODEV*/);
  }
};

}  // namespace mpx
