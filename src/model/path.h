// Path: one SCSI path (a block device such as sdb) as discovery found it.
// Plain value; no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/path_id.h"

namespace mpx {

// A path checker's verdict.
enum class PathState { kUndef, kUp, kDown, kGhost, kShaky, kPending };

// Whether a path in this state may carry I/O for udev's scan of its map: up,
// ghost (standby: I/O after the group switches), or not yet known.
inline bool MayCarryIo(PathState s) {
  return s == PathState::kUp || s == PathState::kGhost || s == PathState::kPending ||
         s == PathState::kUndef;
}

struct Hctl {
  int host = -1;
  int channel = -1;
  int target = -1;
  uint64_t lun = 0;
  std::string ToString() const;
};

struct Path {
  std::string dev;      // kernel name, "sdb"
  std::string devnode;  // "/dev/sdb"
  uint32_t major = 0;
  uint32_t minor = 0;
  Hctl hctl;
  std::string vendor;  // INQUIRY identity as sysfs shows it, trimmed
  std::string model;
  std::string rev;
  std::string sysfs_state;       // device/state: running, offline, blocked, ...
  uint64_t size_sectors = 0;     // 512-byte sectors
  std::string transport;         // fc, iscsi, sas, spi, srp, usb, ata, unspec
  std::string sysfs_path;        // the SCSI device directory, relative to the sysfs root
  std::string target_node_name;  // fc node_name / iscsi targetname / sas address, "" if none

  uint8_t tpgs = 0;        // INQUIRY TPGS: ALUA support (0 none, 1 implicit, 2 explicit, 3 both)
  std::optional<int> tpg;  // target port group id (VPD 0x83 designator type 5)
  std::string alua_state;  // device/access_state (scsi_dh_alua), "" when absent
  // Marked marginal (multipathd's setmarginal): with marginal_pathgroups on,
  // grouped apart and used after every other group.
  bool marginal = false;
  std::optional<bool> preferred;  // device/preferred_path
  std::string hw_handler;         // device/dh_state, "" when none/detached

  std::string wwid;
  std::string wwid_source;  // "udev ID_SERIAL", "sysfs vpd_pg83", "SG_IO VPD 0x83", ...
  std::string serial;       // VPD 0x80 serial, trimmed, "" when unknown

  PathState checker_state = PathState::kUndef;  // set by a checker, not by discovery
  std::string checker_message;                  // why the checker did not say up
  std::string checker;       // the checker's name once chosen (detect_checker); "" before
  std::string prioritizer;   // "const", "sysfs", "alua"; set by a prioritizer
  int priority = -1;         // -1 until a prioritizer ran
  std::string prio_message;  // why the prioritizer failed

  PathId id() const { return {major, minor}; }
  std::string DevT() const { return id().ToString(); }
};

// The checker-state words of the reference's topology output:
// ready, faulty, ghost, shaky, i/o pending, undef.
std::string_view CheckerStateName(PathState s);

// The protocol as blacklist "protocol" entries name it: "scsi:fcp",
// "scsi:iscsi", "scsi:sas", "scsi:unspec", ...
std::string ProtocolName(const Path& p);

// A block device that discovery looked at and left out, and why.
struct SkippedDevice {
  std::string dev;
  std::string reason;
};

}  // namespace mpx
