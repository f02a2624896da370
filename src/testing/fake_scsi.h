// FakeScsiIo: scripted SCSI devices for checker, prioritizer and discovery
// tests. Replies are chosen by the start of the CDB (the opcode, and for
// INQUIRY the EVPD bit and page), optionally per device node; a script of
// several replies is answered in order, its last reply repeating. Every
// command sent is recorded. Unscripted commands fail with EIO, naming the
// command. Thread-safe.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "kernel/scsi_io.h"

namespace mpx::testing {

// A reply with data (GOOD status).
ScsiReply DataReply(std::vector<uint8_t> data);
// CHECK CONDITION with fixed-format sense data.
ScsiReply CheckCondition(uint8_t key, uint8_t asc, uint8_t ascq);
// A transport (host) error, no sense.
ScsiReply HostError(uint16_t host_status);

// CDB prefixes of the commands checkers send.
inline std::vector<uint8_t> TurKey() { return {0x00}; }
inline std::vector<uint8_t> VpdKey(uint8_t page) { return {0x12, 0x01, page}; }
inline std::vector<uint8_t> StdInquiryKey() { return {0x12, 0x00}; }
inline std::vector<uint8_t> Read10Key() { return {0x28}; }
inline std::vector<uint8_t> RtpgKey() { return {0xa3, 0x0a}; }

class FakeScsiIo : public ScsiIo {
 public:
  struct Sent {
    std::string devnode;
    ScsiCommand cmd;
  };

  // Commands starting with `cdb_prefix` to `devnode` ("" for every node)
  // get these replies in order, the last one repeating.
  void On(std::vector<uint8_t> cdb_prefix, std::vector<Result<ScsiReply>> replies,
          const std::string& devnode = "");
  void On(std::vector<uint8_t> cdb_prefix, Result<ScsiReply> reply,
          const std::string& devnode = "") {
    On(std::move(cdb_prefix), std::vector<Result<ScsiReply>>{std::move(reply)}, devnode);
  }
  // Direct reads, in order, the last one repeating (default: an error).
  void OnRead(std::vector<Result<BlockRead>> reads);
  void OnCciss(Result<ScsiReply> reply);

  std::vector<Sent> sent() const;
  size_t Count(const std::vector<uint8_t>& cdb_prefix) const;
  size_t reads() const;

  Result<ScsiReply> Execute(const std::string& devnode, const ScsiCommand& cmd) override;
  // As Execute with a TEST UNIT READY (recorded with a 0 timeout).
  Result<ScsiReply> TestUnitReady(const std::string& devnode) override;
  Result<BlockRead> ReadFirstBlock(const std::string& devnode, unsigned timeout_ms) override;
  Result<ScsiReply> CcissTestUnitReady(const std::string& devnode, unsigned timeout_ms) override;
  // From the INQUIRY VPD and REPORT TARGET PORT GROUPS scripts: the data of
  // a GOOD reply, else an error.
  Result<std::vector<uint8_t>> InquiryVpd(const std::string& devnode, uint8_t page) override;
  Result<std::vector<uint8_t>> ReportTargetPortGroups(const std::string& devnode) override;

 private:
  struct Script {
    std::vector<uint8_t> prefix;
    std::string devnode;
    std::deque<Result<ScsiReply>> replies;
  };
  Result<ScsiReply> Answer(const std::string& devnode, const std::vector<uint8_t>& cdb);

  mutable std::mutex mu_;
  std::vector<Script> scripts_;                                        // guarded by mu_
  std::vector<Sent> sent_;                                             // guarded by mu_
  std::deque<Result<BlockRead>> reads_;                                // guarded by mu_
  size_t read_count_ = 0;                                              // guarded by mu_
  Result<ScsiReply> cciss_ = MakeError("no CCISS reply scripted", 5);  // guarded by mu_
};

}  // namespace mpx::testing
