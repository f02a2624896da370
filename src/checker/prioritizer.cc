#include "checker/prioritizer.h"

#include <array>
#include <cerrno>
#include <random>

#include "checker/emc.h"
#include "checker/hp_sw.h"
#include "checker/path_latency.h"
#include "checker/prio_args.h"
#include "checker/rdac.h"
#include "checker/vendor_prio.h"
#include "checker/weightedpath.h"
#include "policy/prio.h"
#include "scsi/rtpg.h"

namespace mpx {
namespace {

constexpr unsigned kAluaDefaultMs = 60000;
constexpr uint32_t kRtpgFirstBytes = 1024;
constexpr size_t kRtpgMaxBytes = 65536;

constexpr std::array<PrioritizerEntry, 14> kPrioritizers = {{
    {"const", &ConstPrio},
    {"sysfs", &SysfsPrio},
    {"emc", &EmcPrio},
    {"alua", &AluaPrio},
    {"ontap", &OntapPrio},
    {"rdac", &RdacPrio},
    {"hp_sw", &HpSwPrio},
    {"hds", &HdsPrio},
    {"random", &RandomPrio},
    {"weightedpath", &WeightedPathPrio},
    {"path_latency", &PathLatencyPrio},
    {"ana", &AnaPrio},
    {"datacore", &DatacorePrio},
    {"iet", &IetPrio},
}};

// REPORT TARGET PORT GROUPS within the budget, sent again with a bigger
// buffer when the first one was too small.
Result<std::vector<scsi::TargetPortGroup>> ReadPortGroups(ScsiIo& io, const std::string& devnode,
                                                          Budget& budget) {
  size_t len = kRtpgFirstBytes;
  for (int attempt = 0;; ++attempt) {
    ScsiCommand cmd{scsi::RtpgCdb(static_cast<uint32_t>(len)), len};
    auto r = SendOnce(io, devnode, cmd, budget);
    if (!r.ok()) return r.error();
    if (!r->good()) return MakeError("REPORT TARGET PORT GROUPS failed", EIO);
    size_t needed = 0;
    auto groups = scsi::ParseRtpg(r->data, &needed);
    if (groups.ok() || attempt > 0 || needed <= len || needed > kRtpgMaxBytes ||
        r->data.size() < len) {
      return groups;
    }
    len = needed;
  }
}

}  // namespace

Budget PrioRequest::MakeBudget(unsigned default_ms) const {
  return Budget(timeout.count() > 0 ? timeout : std::chrono::milliseconds(default_ms));
}

std::span<const PrioritizerEntry> Prioritizers() { return kPrioritizers; }

const PrioritizerEntry* FindPrioritizer(std::string_view name) {
  for (const PrioritizerEntry& e : kPrioritizers) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

PrioResult RunPrioritizer(std::string_view name, std::string_view args, const PrioIo& io,
                          const Path& path, std::chrono::milliseconds timeout) {
  PrioRequest request{io, path, args, timeout};
  if (const PrioritizerEntry* e = FindPrioritizer(name)) return e->run(request);
  PrioResult r = ConstPrio(request);
  r.message = "Prioritizer '" + std::string(name) + "' not found, using const";
  return r;
}

PrioResult ConstPrio(const PrioRequest&) { return {1, ""}; }

PrioResult SysfsPrio(const PrioRequest& q) {
  const Path& p = q.path;
  if (p.alua_state.empty()) return {-1, p.dev + ": sysfs prio: no access_state in sysfs"};
  int prio = AluaStatePriority(p.alua_state);
  if (p.preferred.value_or(false) && (prio != 50 || ExclusivePrefBit(q.args))) prio += 80;
  return {prio, ""};
}

std::optional<std::string> TargetAluaState(ScsiIo& io, const Path& p,
                                           std::chrono::milliseconds timeout) {
  if (!p.tpg) return std::nullopt;
  Budget budget(timeout);
  auto groups = ReadPortGroups(io, p.devnode, budget);
  if (!groups.ok()) return std::nullopt;
  for (const auto& g : groups.value()) {
    if (g.id == *p.tpg) return std::string(scsi::AluaStateName(g.state));
  }
  return std::nullopt;
}

PrioResult AluaPrio(const PrioRequest& q) {
  const Path& p = q.path;
  if (!p.tpg) {
    if (p.tpgs == 0) return {-1, p.dev + ": alua not supported"};
    return {-1, p.dev + ": couldn't get target port group"};
  }
  Budget budget = q.MakeBudget(kAluaDefaultMs);
  auto groups = ReadPortGroups(q.io.scsi, p.devnode, budget);
  if (!groups.ok()) {
    return {-1, p.dev + ": couldn't get asymmetric access state (" + groups.error().message + ")"};
  }
  for (const auto& g : groups.value()) {
    if (g.id == *p.tpg)
      return {scsi::AluaPriority(g.state, g.preferred, ExclusivePrefBit(q.args)), ""};
  }
  return {-1, p.dev + ": couldn't get asymmetric access state (target port group " +
                  std::to_string(*p.tpg) + " not reported)"};
}

int RandomPriority(uint32_t random) { return 1 + static_cast<int>(random % 10); }

PrioResult RandomPrio(const PrioRequest&) {
  // One generator per thread: callers run prioritizers in parallel.
  thread_local std::mt19937 engine{std::random_device{}()};
  return {RandomPriority(static_cast<uint32_t>(engine())), ""};
}

int AnaStatePriority(uint8_t state) {
  switch (state) {
    case 0x1:  // optimized
      return 50;
    case 0x2:  // non-optimized
      return 10;
    case 0x3:  // inaccessible
    case 0xf:  // change: treated as inaccessible, as the reference
      return 1;
    case 0x4:  // persistent loss
      return 0;
    default:
      return -1;
  }
}

PrioResult AnaPrio(const PrioRequest& q) {
  const Path& p = q.path;
  if (p.dev.rfind("nvme", 0) != 0) return {-1, p.dev + ": ANA error: not an NVMe device"};
  // The ANA state comes from NVMe admin commands (identify, the ANA log
  // page), which mpx does not send: NVMe paths are not multipathed by mpx.
  return {-1, p.dev + ": ANA error: ANA not supported (no NVMe admin commands in mpx)"};
}

std::string_view PrioKindName(PrioKind k) {
  switch (k) {
    case PrioKind::kSysfs:
      return "sysfs";
    case PrioKind::kAlua:
      return "alua";
    case PrioKind::kConst:
      break;
  }
  return "const";
}

PrioKind DetectPrio(const Path& p, PrioKind configured) {
  if (p.tpgs == 0) return configured;
  return p.alua_state.empty() ? PrioKind::kAlua : PrioKind::kSysfs;
}

std::string_view DetectPrioName(const Path& p, std::string_view configured) {
  if (p.tpgs == 0) return configured;
  return p.alua_state.empty() ? "alua" : "sysfs";
}

void Prioritize(PrioKind kind, ScsiIo& io, Path& p) {
  p.prioritizer = std::string(PrioKindName(kind));
  PrioResult r = RunPrioritizer(p.prioritizer, "", PrioIo{io}, p, std::chrono::milliseconds(0));
  p.priority = r.ok() ? r.priority : 0;
  p.prio_message = r.ok() ? "" : r.message;
}

}  // namespace mpx
