#include "checker/read_checkers.h"

#include <cerrno>
#include <cstring>

#include "scsi/cdb.h"

namespace mpx {
namespace {

constexpr int kSgReadAttempts = 3;
constexpr size_t kSgReadBytes = 4096;

}  // namespace

PathState InterpretSgRead(const ScsiReply& r) {
  if (r.good()) return PathState::kUp;
  if (ReadStrictSense(r.sense).key == kSenseUnitAttention) return PathState::kPending;
  return PathState::kDown;
}

SgReadResult SgRead(ScsiIo& io, const std::string& devnode, Budget& budget) {
  ScsiCommand read{scsi::Read10Cdb(0, 1), kSgReadBytes};
  auto r = SendRetrying(io, devnode, read, budget, kSgReadAttempts, [](const ScsiReply& reply) {
    return InterpretSgRead(reply) == PathState::kPending;
  });
  SgReadResult out;
  if (!r.ok()) {
    out.state = r.error().code == ENOMEM ? PathState::kUp : PathState::kDown;
    out.error = r.error();
    return out;
  }
  out.state = InterpretSgRead(r.value()) == PathState::kUp ? PathState::kUp : PathState::kDown;
  out.reply = std::move(r).value();
  return out;
}

CheckResult Readsector0Check(ScsiIo& io, const std::string& devnode, Budget& budget,
                             CheckerMemory&) {
  SgReadResult r = SgRead(io, devnode, budget);
  if (r.error && r.error->code == ENOTTY) return SendFailure("readsector0", *r.error);
  if (r.state == PathState::kUp) return Verdict("readsector0", PathState::kUp, kMsgUp);
  CheckResult v = Verdict("readsector0", PathState::kDown, kMsgDown);
  if (r.error) v.message += " (" + r.error->message + ")";
  return v;
}

CheckResult InterpretDirectRead(const BlockRead& read) {
  if (read.timed_out) {
    CheckResult v = Verdict("directio", PathState::kDown, kMsgDown);
    v.message += " (no answer within " +
                 std::to_string(
                     std::chrono::duration_cast<std::chrono::milliseconds>(read.elapsed).count()) +
                 " ms)";
    return v;
  }
  if (read.block_size > 0 && read.bytes == read.block_size) {
    return Verdict("directio", PathState::kUp, kMsgUp);
  }
  CheckResult v = Verdict("directio", PathState::kDown, kMsgDown);
  if (read.error != 0) {
    v.message += " (" + std::string(std::strerror(read.error)) + ")";
  } else {
    v.message += " (read " + std::to_string(read.bytes) + " of " + std::to_string(read.block_size) +
                 " bytes)";
  }
  return v;
}

CheckResult DirectioCheck(ScsiIo& io, const std::string& devnode, Budget& budget, CheckerMemory&) {
  auto r = io.ReadFirstBlock(devnode, budget.LeftMs());
  if (!r.ok()) return SendFailure("directio", r.error());
  budget.Charge(r->elapsed);
  return InterpretDirectRead(r.value());
}

}  // namespace mpx
