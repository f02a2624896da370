// ScsiIo: SCSI commands sent to a device node. The product uses SgIo (the
// SG_IO ioctl); tests use fakes that return canned pages or inject errors.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"

namespace mpx {

// What a command returned: SCSI status, transport (host/driver) status and
// sense bytes. Decoding is left to pure functions (scsi/sense.h, checkers).
struct ScsiReply {
  uint8_t status = 0;          // 0 GOOD, 2 CHECK CONDITION, ...
  uint16_t host_status = 0;    // DID_*: 0 ok
  uint16_t driver_status = 0;  // DRIVER_*: 0 ok
  std::vector<uint8_t> sense;
};

// Implementations must be safe to call from several threads at once
// (discovery and checkers run in parallel).
class ScsiIo {
 public:
  virtual ~ScsiIo() = default;
  // TEST UNIT READY. An error only when the command could not be sent (the
  // node cannot be opened, the ioctl failed); SCSI failures are in the reply.
  virtual Result<ScsiReply> TestUnitReady(const std::string& devnode) = 0;
  // INQUIRY with EVPD=1 for `page` on `devnode` (e.g. "/dev/sdb"): the page
  // bytes as returned (header included), or an error naming the device and
  // the sense/host/driver status.
  virtual Result<std::vector<uint8_t>> InquiryVpd(const std::string& devnode, uint8_t page) = 0;
  // REPORT TARGET PORT GROUPS: the reply bytes (grown and re-sent when the
  // first buffer was too small), or an error naming the device and status.
  virtual Result<std::vector<uint8_t>> ReportTargetPortGroups(const std::string& devnode) = 0;
};

// The real thing. Each call opens the node O_RDONLY|O_NONBLOCK and closes it.
class SgIo : public ScsiIo {
 public:
  explicit SgIo(unsigned timeout_ms = 30000) : timeout_ms_(timeout_ms) {}
  Result<std::vector<uint8_t>> InquiryVpd(const std::string& devnode, uint8_t page) override;
  Result<ScsiReply> TestUnitReady(const std::string& devnode) override;
  Result<std::vector<uint8_t>> ReportTargetPortGroups(const std::string& devnode) override;

 private:
  unsigned timeout_ms_;
};

// No SCSI access at all (recorded trees): every call fails with ENODEV.
class NoScsiIo : public ScsiIo {
 public:
  Result<std::vector<uint8_t>> InquiryVpd(const std::string& devnode, uint8_t) override {
    return MakeError(devnode + ": no SCSI access in this context", 19 /*ENODEV*/);
  }
  Result<ScsiReply> TestUnitReady(const std::string& devnode) override {
    return MakeError(devnode + ": no SCSI access in this context", 19 /*ENODEV*/);
  }
  Result<std::vector<uint8_t>> ReportTargetPortGroups(const std::string& devnode) override {
    return MakeError(devnode + ": no SCSI access in this context", 19 /*ENODEV*/);
  }
};

}  // namespace mpx
