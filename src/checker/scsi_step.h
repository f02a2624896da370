// How the reference's checkers and prioritizers send a command and read the
// reply: a time budget for the whole check, re-sending on transient errors,
// and the few ways a reply is classified. Pure except for the ScsiIo call.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "kernel/scsi_io.h"

namespace mpx {

// SCSI status bytes and host (DID_*) codes the reference tests for.
inline constexpr uint8_t kStatusCheckCondition = 0x02;
inline constexpr uint8_t kStatusReservationConflict = 0x18;
inline constexpr uint8_t kStatusCommandTerminated = 0x22;
inline constexpr uint8_t kSenseRecoveredError = 0x1;
inline constexpr uint8_t kSenseNotReady = 0x2;
inline constexpr uint8_t kSenseIllegalRequest = 0x5;
inline constexpr uint8_t kSenseUnitAttention = 0x6;

// The time a whole check may take. Each command gets what is left, so a
// check of several commands (retries included) stays within it; commands
// report how long they took (ScsiReply::elapsed).
class Budget {
 public:
  explicit Budget(std::chrono::milliseconds total) : left_(total) {}
  // What is left, in whole milliseconds, at least 1 (SG_IO reads 0 as "the
  // driver's default").
  unsigned LeftMs() const;
  bool Spent() const { return left_ <= std::chrono::microseconds(0); }
  void Charge(std::chrono::microseconds d) { left_ -= d; }

 private:
  std::chrono::microseconds left_;
};

// The sense key as the reference's INQUIRY-based checkers read it: only
// after CHECK CONDITION, COMMAND TERMINATED or DRIVER_SENSE, from more than
// two sense bytes, descriptor format when bit 1 of byte 0 is set.
std::optional<uint8_t> ReplySenseKey(const ScsiReply& r);

// Sense data as the tur checker and sg_read read it: descriptor format
// (0x72/0x73) from 4 bytes, fixed format (0x70/0x71) from 14; anything else
// reads as all zero.
struct StrictSense {
  uint8_t key = 0, asc = 0, ascq = 0;
};
StrictSense ReadStrictSense(const std::vector<uint8_t>& sense);

// A reply without error once the status byte's reserved bits are dropped.
bool ReplyGood(const ScsiReply& r);

// The transport errors the rdac and emc_clariion checkers retry (DID_BUS_BUSY,
// DID_ERROR, DID_SOFT_ERROR, DID_TRANSPORT_DISRUPTED).
bool TransientHostError(const ScsiReply& r);

// How an INQUIRY of the hardware-dependent checkers ended: data to use
// (GOOD, or a RECOVERED ERROR), a page the device does not have (ILLEGAL
// REQUEST: the checker does not fit this device), or a failure.
enum class InquiryOutcome { kData, kUnsupported, kFailed };
InquiryOutcome ClassifyInquiry(const ScsiReply& r);

// Sends `cmd` with the budget's remaining time, charging what it took, and
// re-sends it while `retry(reply)` says so, up to `attempts` sends in all
// and while the budget lasts. Returns the last reply (or the send error).
template <typename Retry>
Result<ScsiReply> SendRetrying(ScsiIo& io, const std::string& devnode, ScsiCommand cmd,
                               Budget& budget, int attempts, Retry retry) {
  for (int sent = 1;; ++sent) {
    cmd.timeout_ms = budget.LeftMs();
    Result<ScsiReply> r = io.Execute(devnode, cmd);
    if (!r.ok()) return r;
    budget.Charge(r->elapsed);
    if (sent >= attempts || budget.Spent() || !retry(r.value())) return r;
  }
}

inline Result<ScsiReply> SendOnce(ScsiIo& io, const std::string& devnode, ScsiCommand cmd,
                                  Budget& budget) {
  return SendRetrying(io, devnode, std::move(cmd), budget, 1,
                      [](const ScsiReply&) { return false; });
}

}  // namespace mpx
