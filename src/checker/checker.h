// Path checkers: the call surface multipathd and `multipath -ll` use, and the
// table of every checker the reference (multipath-tools 0.9.4) names:
//
//   tur           TEST UNIT READY
//   directio      an O_DIRECT read of the first block
//   readsector0   READ(10) of the first block over SG_IO (deprecated)
//   emc_clariion  EMC CLARiiON/VNX/Unity VPD page 0xC0
//   hp_sw         HP active/standby: VPD page 0x80, then TEST UNIT READY
//   rdac          LSI/Engenio/NetApp E-Series VPD page 0xC9
//   cciss_tur     TEST UNIT READY through the CCISS pass-through
//   none          no I/O: up (the caller's sysfs state decides)
//
// Each is a pure decision over the device's replies (unit-tested with canned
// replies) plus I/O through ScsiIo.
//
// Threads and time: RunChecker is safe to call from many threads at once (it
// keeps no state but the caller's CheckerMemory, which one path's checks
// must not share between concurrent calls). It returns within about the
// timeout given: every SCSI command carries what is left of it (SG_IO's
// timeout; the kernel's error handling may add to it), and direct reads are
// waited for at most that long.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "checker/scsi_step.h"
#include "kernel/scsi_io.h"
#include "kernel/sysfs.h"
#include "model/path.h"

namespace mpx {

// A checker's verdict and the reference's message for it, e.g.
// {kDown, "tur checker reports path is down"}; the reference logs
// "<dev>: <message>" when the state is neither up nor ghost. kUndef is the
// reference's "wild"/"unchecked": the checker does not fit the device, or
// there is no such checker.
struct CheckResult {
  PathState state = PathState::kUndef;
  std::string message;
  bool operator==(const CheckResult&) const = default;
};

// What a checker remembers between checks of one path (the reference's
// checker context); keep one per path and pass it to every check of it.
struct CheckerMemory {
  // emc_clariion: the LU's WWN from the first check; a change fails the path.
  std::optional<std::array<uint8_t, 16>> emc_wwn;
  // emc_clariion: shared by all paths of one map: an active path found the
  // LU to be an inactive snapshot, so its passive paths fail too. Null: not
  // shared (each path on its own).
  std::shared_ptr<std::atomic<bool>> emc_inactive_snapshot;
};

using CheckerFn = CheckResult (*)(ScsiIo& io, const std::string& devnode, Budget& budget,
                                  CheckerMemory& memory);

struct CheckerEntry {
  std::string_view name;
  CheckerFn run;
};

// Every checker, in the order multipath.conf(5) lists them.
std::span<const CheckerEntry> Checkers();
// Null for an unknown name.
const CheckerEntry* FindChecker(std::string_view name);

// Runs the checker `name` on `devnode` ("/dev/sdb"), taking at most about
// `timeout`. An unknown name is checked by nothing, as the reference:
// {kUndef, "Checker '<name>' not found"} (the reference then says "No
// checker selected" and leaves the path unchecked).
CheckResult RunChecker(std::string_view name, ScsiIo& io, const std::string& devnode,
                       std::chrono::milliseconds timeout, CheckerMemory* memory = nullptr);

// checker_timeout as the reference resolves it: the configured seconds when
// > 0, else the device's SCSI command timeout (sysfs device/timeout), else
// 30 s. `origin` (optional) gets the reference's -v3 wording.
std::chrono::seconds CheckerTimeout(const Sysfs& sysfs, const Path& path, int configured_seconds,
                                    std::string* origin = nullptr);

// detect_checker: "rdac" when the device answers VPD page 0xC9 with "vac1"
// (asked unless `hwe_checker`, the hardware table's checker for the device,
// names another one), "tur" for ALUA devices (INQUIRY TPGS != 0), else ""
// (keep the configured checker).
std::string DetectChecker(ScsiIo& io, const Path& path, std::string_view hwe_checker,
                          std::chrono::milliseconds timeout);

// The reference's messages: "<name> checker" + one of these.
inline constexpr std::string_view kMsgUp = " reports path is up";
inline constexpr std::string_view kMsgDown = " reports path is down";
inline constexpr std::string_view kMsgGhost = " reports path is ghost";
inline constexpr std::string_view kMsgUnsupported = " doesn't support this device";
CheckResult Verdict(std::string_view checker, PathState state, std::string_view message);
// A command that could not be sent: ENOTTY (no SG_IO on this device) is
// the reference's "doesn't support this device"; anything else is down,
// the cause in parentheses.
CheckResult SendFailure(std::string_view checker, const Error& error);

}  // namespace mpx
