// ScsiIo: the I/O path checkers and prioritizers do on a path's device node:
// SCSI commands (SG_IO), a direct read of the first block, the CCISS
// pass-through. The product uses SgIo; tests use fakes that return canned
// replies or inject errors (testing/fake_scsi.h).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/result.h"

namespace mpx {

// One SCSI command. The CDB is built by pure code (scsi/cdb.h).
struct ScsiCommand {
  std::vector<uint8_t> cdb;
  size_t data_in = 0;             // bytes to read from the device; 0: none
  std::vector<uint8_t> data_out;  // bytes to send (MODE SELECT); only without data_in
  unsigned timeout_ms = 30000;    // the SG_IO timeout; the kernel aborts the command after it
};

// What a command returned: SCSI status, transport (host/driver) status,
// sense bytes and data. Decoding is left to pure functions (scsi/, checker/).
struct ScsiReply {
  uint8_t status = 0;          // 0 GOOD, 2 CHECK CONDITION, 0x18 RESERVATION CONFLICT, ...
  uint16_t host_status = 0;    // DID_*: 0 ok
  uint16_t driver_status = 0;  // DRIVER_*: 0 ok
  std::vector<uint8_t> sense;
  std::vector<uint8_t> data;             // the bytes the device returned
  std::chrono::microseconds elapsed{0};  // how long the command took

  bool good() const { return status == 0 && host_status == 0 && driver_status == 0; }
};

// A direct (O_DIRECT) read of the first block of a block device, as the
// directio checker and the path_latency prioritizer do it.
struct BlockRead {
  size_t block_size = 0;   // BLKBSZGET, at most 4096; 512 when the ioctl failed
  size_t bytes = 0;        // bytes read
  int error = 0;           // errno of a failed read, 0 otherwise
  bool timed_out = false;  // no answer within the timeout (the read goes on in the background)
  std::chrono::microseconds elapsed{0};  // how long the read took (the wait, when timed out)
};

// Implementations must be safe to call from several threads at once
// (discovery and checkers run in parallel), and each call returns within
// about its timeout (SG_IO's own timeout for SCSI commands).
class ScsiIo {
 public:
  virtual ~ScsiIo() = default;
  // TEST UNIT READY with the implementation's own timeout. An error only when
  // the command could not be sent (the node cannot be opened, the ioctl
  // failed); SCSI failures are in the reply.
  virtual Result<ScsiReply> TestUnitReady(const std::string& devnode) = 0;
  // INQUIRY with EVPD=1 for `page` on `devnode` (e.g. "/dev/sdb"): the page
  // bytes as returned (header included), or an error naming the device and
  // the sense/host/driver status. Discovery's VPD reads.
  virtual Result<std::vector<uint8_t>> InquiryVpd(const std::string& devnode, uint8_t page) = 0;
  // REPORT TARGET PORT GROUPS: the reply bytes (grown and re-sent when the
  // first buffer was too small), or an error naming the device and status.
  virtual Result<std::vector<uint8_t>> ReportTargetPortGroups(const std::string& devnode) = 0;

  // Sends `cmd` to `devnode`. An error only when the command could not be
  // sent: the node cannot be opened, the ioctl failed (errno ENOTTY: the
  // device takes no SG_IO). SCSI failures are in the reply. The checkers
  // and prioritizers send everything through here. The default serves
  // implementations written for the three commands above (test fakes):
  // TEST UNIT READY, INQUIRY of a VPD page and REPORT TARGET PORT GROUPS go
  // there (their errors as send errors); any other command fails with
  // EOPNOTSUPP.
  virtual Result<ScsiReply> Execute(const std::string& devnode, const ScsiCommand& cmd) {
    const auto& c = cmd.cdb;
    if (c.size() == 6 && c[0] == 0x00) return TestUnitReady(devnode);
    Result<std::vector<uint8_t>> data =
        MakeError(devnode + ": SCSI command not supported here", 95 /*EOPNOTSUPP*/);
    if (c.size() == 6 && c[0] == 0x12 && (c[1] & 1) != 0) data = InquiryVpd(devnode, c[2]);
    if (c.size() == 12 && c[0] == 0xa3 && (c[1] & 0x1f) == 0x0a) {
      data = ReportTargetPortGroups(devnode);
    }
    if (!data.ok()) return data.error();
    ScsiReply r;
    r.data = std::move(data).value();
    if (r.data.size() > cmd.data_in) r.data.resize(cmd.data_in);
    return r;
  }
  // Reads the first block with O_DIRECT, waiting at most `timeout_ms`. A
  // read still running from an earlier call on the same node is waited for
  // instead of starting another one (a hung device holds one read, not one
  // per check). An error only when the node cannot be opened. Default:
  // EOPNOTSUPP.
  virtual Result<BlockRead> ReadFirstBlock(const std::string& devnode, unsigned timeout_ms) {
    (void)timeout_ms;
    return MakeError(devnode + ": direct reads not supported here", 95 /*EOPNOTSUPP*/);
  }
  // TEST UNIT READY through the CCISS pass-through ioctl (HP Smart Array
  // logical volumes, /dev/cciss/cXdY): status = the SCSI status, host_status
  // = the controller's CommandStatus. An error when CCISS_GETLUNINFO or
  // CCISS_PASSTHRU fails, naming which. Default: ENOTTY (no CCISS device).
  virtual Result<ScsiReply> CcissTestUnitReady(const std::string& devnode, unsigned timeout_ms) {
    (void)timeout_ms;
    return MakeError(devnode + ": not a CCISS device", 25 /*ENOTTY*/);
  }
};

class DirectReads;

// The real thing. Each SCSI command opens the node O_RDONLY|O_NONBLOCK and
// closes it; direct reads run on a helper thread per device node so that a
// hung device never holds the caller longer than the timeout.
class SgIo : public ScsiIo {
 public:
  explicit SgIo(unsigned timeout_ms = 30000);
  Result<ScsiReply> TestUnitReady(const std::string& devnode) override;
  Result<ScsiReply> Execute(const std::string& devnode, const ScsiCommand& cmd) override;
  Result<BlockRead> ReadFirstBlock(const std::string& devnode, unsigned timeout_ms) override;
  Result<ScsiReply> CcissTestUnitReady(const std::string& devnode, unsigned timeout_ms) override;
  Result<std::vector<uint8_t>> InquiryVpd(const std::string& devnode, uint8_t page) override;
  Result<std::vector<uint8_t>> ReportTargetPortGroups(const std::string& devnode) override;

 private:
  unsigned timeout_ms_;
  std::shared_ptr<DirectReads> reads_;  // shared with reads that outlive a call
};

// No SCSI access at all (recorded trees): every call fails with ENODEV.
class NoScsiIo : public ScsiIo {
 public:
  Result<ScsiReply> TestUnitReady(const std::string& devnode) override {
    return Unavailable(devnode);
  }
  Result<ScsiReply> Execute(const std::string& devnode, const ScsiCommand&) override {
    return Unavailable(devnode);
  }
  Result<BlockRead> ReadFirstBlock(const std::string& devnode, unsigned) override {
    return Unavailable(devnode);
  }
  Result<ScsiReply> CcissTestUnitReady(const std::string& devnode, unsigned) override {
    return Unavailable(devnode);
  }
  Result<std::vector<uint8_t>> InquiryVpd(const std::string& devnode, uint8_t) override {
    return Unavailable(devnode);
  }
  Result<std::vector<uint8_t>> ReportTargetPortGroups(const std::string& devnode) override {
    return Unavailable(devnode);
  }

 private:
  static Error Unavailable(const std::string& devnode) {
    return MakeError(devnode + ": no SCSI access in this context", 19 /*ENODEV*/);
  }
};

}  // namespace mpx
