#include "checker/emc.h"

#include <cerrno>

#include "base/strings.h"
#include "checker/read_checkers.h"
#include "scsi/cdb.h"

namespace mpx {
namespace {

constexpr std::string_view kName = "emc_clariion";
constexpr int kInquiryAttempts = 5;
constexpr uint16_t kPageBytes = 128;
constexpr unsigned kPrioDefaultMs = 60000;

ScsiCommand PageC0() { return {scsi::InquiryCdb(true, 0xc0, kPageBytes), kPageBytes}; }

CheckResult Down(std::string_view why) {
  return Verdict(kName, PathState::kDown, ": " + std::string(why));
}

bool InactiveSnapshot(const CheckerMemory& m) {
  return m.emc_inactive_snapshot && m.emc_inactive_snapshot->load();
}

void SetInactiveSnapshot(CheckerMemory& m, bool inactive) {
  if (m.emc_inactive_snapshot) m.emc_inactive_snapshot->store(inactive);
}

std::string Wwn(const scsi::ClariionUnitPath& page) { return HexLower(page.wwn); }

}  // namespace

std::optional<CheckResult> ClariionPageVerdict(const scsi::ClariionUnitPath& page,
                                               CheckerMemory& memory) {
  if (!page.KnownFormat()) return Down("Path unit report page in unknown format");
  if (!page.ConfiguredForFailover()) return Down("Path not correctly configured for failover");
  if (page.lun_operations != 0) {
    return Verdict(kName, PathState::kShaky, ": Path not available for normal operations");
  }
  if (page.lun_state == 0) return Down("Logical Unit is unbound or LUNZ");
  // The path must still lead to the same LU (a SAN change can make it lead
  // elsewhere without the host noticing).
  if (!memory.emc_wwn) {
    memory.emc_wwn = page.wwn;
  } else if (*memory.emc_wwn != page.wwn) {
    return Down("Logical Unit WWN has changed");
  }
  if (page.lun_state == 2) return std::nullopt;
  if (InactiveSnapshot(memory)) {
    return CheckResult{
        PathState::kDown,
        "emc_clariion_checker: Passive path to inactive snapshot WWN " + Wwn(page) + "."};
  }
  // The reference gives a healthy passive path this (sic) message too.
  return Verdict(kName, PathState::kUp, ": Active path is healthy");
}

CheckResult ClariionReadVerdict(const scsi::ClariionUnitPath& page, PathState read,
                                const ScsiReply& read_reply, CheckerMemory& memory) {
  if (read == PathState::kUp) {
    SetInactiveSnapshot(memory, false);
    return Verdict(kName, PathState::kUp, ": Active path is healthy");
  }
  // An inactive snapshot LU answers reads on its active path with ILLEGAL
  // REQUEST 25/01, but NOT READY 04/03 on its passive paths: remembered for
  // the map so the passive paths fail too.
  const auto& s = read_reply.sense;
  if (s.size() > 13 && (s[2] & 0xf) == kSenseIllegalRequest && s[12] == 0x25 && s[13] == 0x01) {
    SetInactiveSnapshot(memory, true);
    return {PathState::kDown,
            "emc_clariion_checker: Active path to inactive snapshot WWN " + Wwn(page) + "."};
  }
  return Down("Read error");
}

CheckResult EmcClariionCheck(ScsiIo& io, const std::string& devnode, Budget& budget,
                             CheckerMemory& memory) {
  auto r = SendRetrying(io, devnode, PageC0(), budget, kInquiryAttempts, TransientHostError);
  if (!r.ok()) {
    if (r.error().code == ENOTTY) return SendFailure(kName, r.error());
    CheckResult v = Down("sending query command failed");
    v.message += " (" + r.error().message + ")";
    return v;
  }
  std::optional<uint8_t> key = ReplySenseKey(r.value());
  if (key == kSenseIllegalRequest) return Verdict(kName, PathState::kUndef, kMsgUnsupported);
  // A RECOVERED ERROR still fails: the reference tests the status after the
  // sense key.
  if (!r->good()) return Down("query command indicates error");
  scsi::ClariionUnitPath page = scsi::DecodeClariionPage(r->data);
  if (auto v = ClariionPageVerdict(page, memory)) return *v;
  SgReadResult read = SgRead(io, devnode, budget);
  return ClariionReadVerdict(page, read.state, read.reply, memory);
}

PrioResult EmcPagePriority(const std::string& dev, const scsi::ClariionUnitPath& page) {
  auto fail = [&](const char* why) { return PrioResult{-1, dev + ": emc prio: " + why}; };
  if (!page.KnownFormat()) return fail("path unit report page in unknown format");
  if (!page.ConfiguredForFailover()) return fail("path not correctly configured for failover");
  if (page.lun_operations != 0) return fail("path not available for normal operations");
  // The default owner's paths rank first even when the other SP owns the LU
  // now: failback returns to the default owner.
  return {page.lun_state + (page.default_owner == page.path_sp ? 2 : 0), ""};
}

PrioResult EmcPrio(const PrioRequest& q) {
  const std::string& dev = q.path.dev;
  Budget budget = q.MakeBudget(kPrioDefaultMs);
  auto r = SendOnce(q.io.scsi, q.path.devnode, PageC0(), budget);
  if (!r.ok()) {
    return {-1, dev + ": emc prio: sending query command failed (" + r.error().message + ")"};
  }
  if (!r->good()) return {-1, dev + ": emc prio: query command indicates error"};
  return EmcPagePriority(dev, scsi::DecodeClariionPage(r->data));
}

}  // namespace mpx
