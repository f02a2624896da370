#include "checker/rdac.h"

#include <algorithm>
#include <cerrno>

#include "scsi/cdb.h"

namespace mpx {
namespace {

constexpr std::string_view kRdacName = "rdac";
constexpr int kRdacInquiryAttempts = 5;
constexpr uint16_t kCheckerPageBytes = 48;  // the reference's struct volume_access_inq
constexpr uint16_t kPrioPageBytes = 128;
constexpr unsigned kRdacPrioDefaultMs = 60000;
constexpr uint8_t kAluaUnavailable = 0x3;
constexpr uint8_t kAluaTransitioning = 0xf;
constexpr uint8_t kControlModePage = 0x0a;
constexpr uint16_t kControlPageBytes = 20;  // 8-byte MODE SENSE(10) header + 12-byte page
constexpr size_t kTasByte = 13;             // byte 5 of the page
constexpr uint8_t kTasMask = 0x40;

CheckResult RdacDown(std::string_view why) {
  return Verdict(kRdacName, PathState::kDown, std::string(kMsgDown) + ": " + std::string(why));
}

// Why a port group is unavailable (the vendor-specific byte after its state).
std::string_view UnavailableReason(uint8_t reason) {
  switch (reason) {
    case 0x2:
      return "non-responsive to queries";
    case 0x3:
      return "ctlr held in reset";
    case 0x4:
    case 0x5:
      return "ctlr firmware downloading";
    case 0x6:
      return "ctlr quiesced by admin request";
    case 0x7:
      return "ctlr is in service mode";
    default:
      return "ctlr is unavailable";
  }
}

}  // namespace

CheckResult RdacPageVerdict(const scsi::RdacVolumeAccess& v) {
  if (!v.LunConnected()) return RdacDown("lun not connected");
  if (v.TpgDataEnabled()) {
    if (v.alua_state == kAluaUnavailable) return RdacDown(UnavailableReason(v.unavailable_reason));
    // Both controllers transitioning: a mode select or STPG is running and
    // the path is fine. This one alone: it is booting.
    if (v.alua_state == kAluaTransitioning && v.alt_alua_state != kAluaTransitioning) {
      return RdacDown("ctlr is in startup sequence");
    }
  }
  if (v.Owner() || v.IoShipping()) return Verdict(kRdacName, PathState::kUp, kMsgUp);
  return Verdict(kRdacName, PathState::kGhost, kMsgGhost);
}

CheckResult RdacCheck(ScsiIo& io, const std::string& devnode, Budget& budget, CheckerMemory&) {
  ScsiCommand inq{scsi::InquiryCdb(true, 0xc9, kCheckerPageBytes), kCheckerPageBytes};
  auto r = SendRetrying(io, devnode, inq, budget, kRdacInquiryAttempts, TransientHostError);
  if (!r.ok()) {
    if (r.error().code == ENOTTY) return SendFailure(kRdacName, r.error());
    CheckResult v = RdacDown("inquiry failed");
    v.message += " (" + r.error().message + ")";
    return v;
  }
  switch (ClassifyInquiry(r.value())) {
    case InquiryOutcome::kUnsupported:
      return Verdict(kRdacName, PathState::kUndef, kMsgUnsupported);
    case InquiryOutcome::kFailed:
      return RdacDown("inquiry failed");
    case InquiryOutcome::kData:
      break;
  }
  return RdacPageVerdict(scsi::DecodeRdacPage(r->data));
}

PrioResult RdacPagePriority(const std::string& dev, const scsi::RdacVolumeAccess& v) {
  if (!v.KnownFormat())
    return {0, dev + ": rdac prio: volume access control page in unknown format"};
  int prio = v.Owner() ? 0x02 : 0;
  if (v.preferred == 0x1) prio |= 0x04;  // the volume's preferred path
  if (v.preferred == 0x2) prio |= 0x01;  // its secondary (failover) path
  if (v.IoShipping()) prio |= 0x08;
  return {prio, ""};
}

PrioResult RdacPrio(const PrioRequest& q) {
  const std::string& dev = q.path.dev;
  Budget budget = q.MakeBudget(kRdacPrioDefaultMs);
  ScsiCommand inq{scsi::InquiryCdb(true, 0xc9, kPrioPageBytes), kPrioPageBytes};
  auto r = SendOnce(q.io.scsi, q.path.devnode, inq, budget);
  if (!r.ok()) {
    return {0, dev + ": rdac prio: sending inquiry command failed (" + r.error().message + ")"};
  }
  if (!r->good()) return {0, dev + ": rdac prio: inquiry command indicates error"};
  return RdacPagePriority(dev, scsi::DecodeRdacPage(r->data));
}

bool TasBit(std::span<const uint8_t> reply) {
  return reply.size() > kTasByte && (reply[kTasByte] & kTasMask) != 0;
}

std::vector<uint8_t> TasSelectData(std::span<const uint8_t> current) {
  std::vector<uint8_t> data(kControlPageBytes, 0);
  std::copy_n(current.begin(), std::min(current.size(), data.size()), data.begin());
  data[0] = data[1] = 0;       // MODE DATA LENGTH is reserved in MODE SELECT
  data[8] = kControlModePage;  // page code, PS bit cleared
  data[9] = 0x0a;              // page length
  data[kTasByte] |= kTasMask;
  return data;
}

bool RdacEnableTas(ScsiIo& io, const std::string& devnode, std::chrono::milliseconds timeout) {
  Budget budget(timeout);
  auto sense = [&](uint8_t page_control) -> std::vector<uint8_t> {
    ScsiCommand cmd{scsi::ModeSense10Cdb(kControlModePage, page_control, true, kControlPageBytes),
                    kControlPageBytes};
    auto r = SendOnce(io, devnode, cmd, budget);
    return r.ok() && r->good() ? r->data : std::vector<uint8_t>{};
  };
  std::vector<uint8_t> current = sense(0);
  if (TasBit(current)) return true;
  if (current.empty() || budget.Spent() || !TasBit(sense(1))) return false;
  // The reference sends MODE SELECT with SP and without PF, as here.
  ScsiCommand select{scsi::ModeSelect10Cdb(false, true, kControlPageBytes), 0,
                     TasSelectData(current)};
  auto r = SendOnce(io, devnode, select, budget);
  return r.ok() && r->good();
}

}  // namespace mpx
