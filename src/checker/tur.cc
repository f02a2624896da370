#include "checker/tur.h"

#include "scsi/cdb.h"

namespace mpx {
namespace {

constexpr int kTurAttempts = 5;

// Host (DID_*) codes after which the reference does not send TUR again.
bool FinalHostStatus(uint16_t host) {
  switch (host) {
    case 0x00:  // DID_OK
    case 0x01:  // DID_NO_CONNECT
    case 0x04:  // DID_BAD_TARGET
    case 0x05:  // DID_ABORT
    case 0x0f:  // DID_TRANSPORT_FAILFAST
      return true;
    default:
      return false;
  }
}

}  // namespace

PathState InterpretTur(const ScsiReply& r) {
  if ((r.status & 0x7e) == kStatusReservationConflict) return PathState::kUp;
  if (r.good()) return PathState::kUp;
  if (!FinalHostStatus(r.host_status)) return PathState::kPending;
  StrictSense s = ReadStrictSense(r.sense);
  if (s.key == kSenseUnitAttention) return PathState::kPending;
  if (s.key == kSenseNotReady && s.asc == 0x04 && s.ascq == 0x0b) return PathState::kGhost;
  return PathState::kDown;
}

CheckResult TurCheck(ScsiIo& io, const std::string& devnode, Budget& budget, CheckerMemory&) {
  auto r = SendRetrying(
      io, devnode, ScsiCommand{scsi::TestUnitReadyCdb()}, budget, kTurAttempts,
      [](const ScsiReply& reply) { return InterpretTur(reply) == PathState::kPending; });
  if (!r.ok()) return SendFailure("tur", r.error());
  switch (InterpretTur(r.value())) {
    case PathState::kUp:
      return Verdict("tur", PathState::kUp, kMsgUp);
    case PathState::kGhost:
      return Verdict("tur", PathState::kGhost, kMsgGhost);
    default:
      return Verdict("tur", PathState::kDown, kMsgDown);
  }
}

CheckResult CcissTurCheck(ScsiIo& io, const std::string& devnode, Budget& budget, CheckerMemory&) {
  auto r = io.CcissTestUnitReady(devnode, budget.LeftMs());
  if (!r.ok()) return SendFailure("cciss_tur", r.error());
  budget.Charge(r->elapsed);
  if (r->status != 0 || r->host_status != 0) {
    return Verdict("cciss_tur", PathState::kDown, kMsgDown);
  }
  return Verdict("cciss_tur", PathState::kUp, kMsgUp);
}

PathState RunTurChecker(ScsiIo& io, const std::string& devnode, std::string* message) {
  CheckResult r = RunChecker("tur", io, devnode, std::chrono::seconds(30));
  if (message != nullptr && r.state != PathState::kUp) *message = devnode + ": " + r.message;
  return r.state;
}

}  // namespace mpx
