// Path prioritizers: the call surface multipathd and `multipath` use, and
// the table of every prioritizer the reference (multipath-tools 0.9.4)
// names: const, sysfs, alua, emc, hds, hp_sw, ontap, rdac, random, iet,
// weightedpath, datacore, path_latency, ana. Each is a pure decision over
// the device's replies (and the path's attributes) plus I/O through
// ScsiIo, sysfs or udev; prio_args are parsed as the reference documents
// them (checker/prio_args.h).
//
// Threads and time: RunPrioritizer is safe to call from many threads at
// once (it keeps no state). It returns within about the timeout given:
// every SCSI command and direct read carries what is left of it. A timeout
// of 0 gives each prioritizer the reference's own default for its commands
// (60 s; hds and datacore 2 s), as the reference does when checker_timeout
// is not set.
//
// detect_prio (on by default): ALUA devices (INQUIRY TPGS != 0) get sysfs
// when access_state exists, else alua; other devices keep the configured one.
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "checker/scsi_step.h"
#include "kernel/scsi_io.h"
#include "kernel/sysfs.h"
#include "kernel/udev.h"
#include "model/path.h"

namespace mpx {

// A priority and what the prioritizer said about it. priority < 0 is the
// reference's PRIO_UNDEF: the prioritizer failed (message says why; the
// reference logs "<dev>: <name> prio error"). Some prioritizers give 0 with
// a message on failure instead, as the reference's do.
struct PrioResult {
  int priority = -1;
  std::string message;
  bool ok() const { return priority >= 0; }
  bool operator==(const PrioResult&) const = default;
};

// What prioritizers read besides SCSI replies: sysfs (weightedpath's FC
// names, a serial not read yet) and udev (iet's /dev/disk/by-path links).
// Either may be null: those attributes are then unknown.
struct PrioIo {
  ScsiIo& scsi;
  const Sysfs* sysfs = nullptr;
  const UdevDb* udev = nullptr;
};

// A prioritizer's inputs: the path, its prio_args, and the time budget.
struct PrioRequest {
  const PrioIo& io;
  const Path& path;
  std::string_view args;
  std::chrono::milliseconds timeout;  // 0: the prioritizer's default
  // The per-command budget a prioritizer whose reference default is
  // `default_ms` gets.
  Budget MakeBudget(unsigned default_ms) const;
};

using PrioritizerFn = PrioResult (*)(const PrioRequest& request);

struct PrioritizerEntry {
  std::string_view name;
  PrioritizerFn run;
};

// Every prioritizer, in the order multipath.conf(5) lists them.
std::span<const PrioritizerEntry> Prioritizers();
// Null for an unknown name.
const PrioritizerEntry* FindPrioritizer(std::string_view name);

// Runs the prioritizer `name` with `args` on `path`. An unknown name falls
// back to const (priority 1), saying so in the message.
PrioResult RunPrioritizer(std::string_view name, std::string_view args, const PrioIo& io,
                          const Path& path, std::chrono::milliseconds timeout);

// The three prioritizers callers named by kind before the table existed
// (engine/map_config.h keeps using these).
enum class PrioKind { kConst, kSysfs, kAlua };

std::string_view PrioKindName(PrioKind k);
PrioKind DetectPrio(const Path& p, PrioKind configured = PrioKind::kConst);
// The detect_prio choice by name: "sysfs" or "alua" for ALUA devices, else
// `configured`.
std::string_view DetectPrioName(const Path& p, std::string_view configured);

// Sets p.prioritizer and p.priority (0 with p.prio_message on failure, as
// the reference gives a path whose prioritizer fails no weight).
void Prioritize(PrioKind kind, ScsiIo& io, Path& p);

// The ALUA state the target reports for the path's target port group
// (REPORT TARGET PORT GROUPS), as the kernel names it in sysfs access_state
// ("active/optimized", ...); nullopt when the path has no group or the
// target does not answer within `timeout`.
std::optional<std::string> TargetAluaState(ScsiIo& io, const Path& p,
                                           std::chrono::milliseconds timeout);

// The built-in prioritizers without their own file.
PrioResult ConstPrio(const PrioRequest& request);
PrioResult SysfsPrio(const PrioRequest& request);
PrioResult AluaPrio(const PrioRequest& request);
PrioResult RandomPrio(const PrioRequest& request);
PrioResult AnaPrio(const PrioRequest& request);

// random: 1..10 from one random number.
int RandomPriority(uint32_t random);
// ana: the priority of an NVMe ANA state (1 optimized 50, 2 non-optimized
// 10, 3 inaccessible and 0xf change 1, 4 persistent loss 0); -1 for others.
int AnaStatePriority(uint8_t state);

}  // namespace mpx
