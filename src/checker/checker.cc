#include "checker/checker.h"

#include <array>
#include <cerrno>

#include "base/strings.h"
#include "checker/emc.h"
#include "checker/hp_sw.h"
#include "checker/rdac.h"
#include "checker/read_checkers.h"
#include "checker/tur.h"
#include "scsi/cdb.h"
#include "scsi/vendor_pages.h"

namespace mpx {
namespace {

CheckResult NoneCheck(ScsiIo&, const std::string&, Budget&, CheckerMemory&) {
  return {PathState::kUp, ""};
}

constexpr std::array<CheckerEntry, 8> kCheckers = {{
    {"readsector0", &Readsector0Check},
    {"tur", &TurCheck},
    {"emc_clariion", &EmcClariionCheck},
    {"hp_sw", &HpSwCheck},
    {"rdac", &RdacCheck},
    {"directio", &DirectioCheck},
    {"cciss_tur", &CcissTurCheck},
    {"none", &NoneCheck},
}};

constexpr int kDefaultTimeoutSeconds = 30;  // the reference's DEF_TIMEOUT

}  // namespace

std::span<const CheckerEntry> Checkers() { return kCheckers; }

const CheckerEntry* FindChecker(std::string_view name) {
  for (const CheckerEntry& e : kCheckers) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

CheckResult Verdict(std::string_view checker, PathState state, std::string_view message) {
  return {state, std::string(checker) + " checker" + std::string(message)};
}

CheckResult SendFailure(std::string_view checker, const Error& error) {
  if (error.code == ENOTTY) return Verdict(checker, PathState::kUndef, kMsgUnsupported);
  CheckResult v = Verdict(checker, PathState::kDown, kMsgDown);
  v.message += " (" + error.message + ")";
  return v;
}

CheckResult RunChecker(std::string_view name, ScsiIo& io, const std::string& devnode,
                       std::chrono::milliseconds timeout, CheckerMemory* memory) {
  const CheckerEntry* e = FindChecker(name);
  if (e == nullptr) return {PathState::kUndef, "Checker '" + std::string(name) + "' not found"};
  CheckerMemory scratch;
  Budget budget(timeout);
  return e->run(io, devnode, budget, memory != nullptr ? *memory : scratch);
}

std::chrono::seconds CheckerTimeout(const Sysfs& sysfs, const Path& path, int configured_seconds,
                                    std::string* origin) {
  auto say = [&](const char* text) {
    if (origin != nullptr) *origin = text;
  };
  if (configured_seconds > 0) {
    say("(setting: multipath.conf defaults/devices section)");
    return std::chrono::seconds(configured_seconds);
  }
  // The reference reads the attribute of the SCSI device (sysfs_get_timeout).
  if (auto text = sysfs.Read("block/" + path.dev + "/device/timeout"); text.ok()) {
    auto v = ParseU64(Trim(*text));
    if (v && *v > 0 && *v <= 0x7fffffff) {
      say("(setting: kernel sysfs)");
      return std::chrono::seconds(*v);
    }
  }
  say("(setting: multipath internal)");
  return std::chrono::seconds(kDefaultTimeoutSeconds);
}

std::string DetectChecker(ScsiIo& io, const Path& path, std::string_view hwe_checker,
                          std::chrono::milliseconds timeout) {
  if (hwe_checker.empty() || hwe_checker == "rdac") {
    Budget budget(timeout);
    ScsiCommand inq{scsi::InquiryCdb(true, 0xc9, 44), 44};
    auto r = SendOnce(io, path.devnode, inq, budget);
    if (r.ok() && r->good() && r->data.size() >= 8) {
      const auto id = scsi::DecodeRdacPage(r->data).id;
      if (std::string_view(id.data(), id.size()) == "vac1") return "rdac";
    }
  }
  if (path.tpgs != 0) return "tur";
  return "";
}

}  // namespace mpx
