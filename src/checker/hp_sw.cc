#include "checker/hp_sw.h"

#include <cerrno>

#include "scsi/cdb.h"

namespace mpx {
namespace {

constexpr std::string_view kHpSwName = "hp_sw";
constexpr uint16_t kSerialPageBytes = 255;
constexpr unsigned kHpSwPrioDefaultMs = 60000;
// The reference re-sends after a reset without limit; mpx stops here.
constexpr int kPrioAttempts = 5;
constexpr int kActive = 4;
constexpr int kStandby = 2;
constexpr int kFailed = 0;

}  // namespace

CheckResult HpSwCheck(ScsiIo& io, const std::string& devnode, Budget& budget, CheckerMemory&) {
  ScsiCommand inq{scsi::InquiryCdb(true, 0x80, kSerialPageBytes), kSerialPageBytes};
  auto r = SendOnce(io, devnode, inq, budget);
  if (!r.ok()) return SendFailure(kHpSwName, r.error());
  switch (ClassifyInquiry(r.value())) {
    case InquiryOutcome::kUnsupported:
      return Verdict(kHpSwName, PathState::kUndef, kMsgUnsupported);
    case InquiryOutcome::kFailed:
      return Verdict(kHpSwName, PathState::kDown, kMsgDown);
    case InquiryOutcome::kData:
      break;
  }
  auto tur = SendOnce(io, devnode, ScsiCommand{scsi::TestUnitReadyCdb()}, budget);
  if (!tur.ok() || !tur->good()) return Verdict(kHpSwName, PathState::kGhost, kMsgGhost);
  return Verdict(kHpSwName, PathState::kUp, kMsgUp);
}

int HpSwTurPriority(const ScsiReply& r) {
  if (ReplyGood(r)) return kActive;
  std::optional<uint8_t> key = ReplySenseKey(r);
  if (!key) return kFailed;
  const auto& s = r.sense;
  const bool descriptor = (s[0] & 0x2) != 0;
  const size_t at = descriptor ? 2 : 12;
  const uint8_t asc = s.size() > at ? s[at] : 0;
  const uint8_t ascq = s.size() > at + 1 ? s[at + 1] : 0;
  if (*key == kSenseRecoveredError) return kActive;
  if (*key == kSenseNotReady && asc == 0x04 && ascq == 0x02) return kStandby;
  if (*key == kSenseUnitAttention && asc == 0x29) return -1;
  return kFailed;
}

PrioResult HpSwPrio(const PrioRequest& q) {
  Budget budget = q.MakeBudget(kHpSwPrioDefaultMs);
  auto r = SendRetrying(q.io.scsi, q.path.devnode, ScsiCommand{scsi::TestUnitReadyCdb()}, budget,
                        kPrioAttempts,
                        [](const ScsiReply& reply) { return HpSwTurPriority(reply) < 0; });
  if (!r.ok()) {
    return {kFailed,
            q.path.dev + ": hp_sw prio: sending tur command failed (" + r.error().message + ")"};
  }
  int prio = HpSwTurPriority(r.value());
  return {prio < 0 ? kFailed : prio, ""};
}

}  // namespace mpx
