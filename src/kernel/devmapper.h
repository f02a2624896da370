// DeviceMapper: the kernel's device-mapper as mpx uses it for multipath maps.
//
// The product uses LibDevmapper (libdevmapper); tests use FakeDeviceMapper
// (testing/fake_devmapper.h), which keeps maps in memory. Tables and statuses
// are lines in `dmsetup table`/`dmsetup status` form, "<start> <length>
// <type> <params>", one per target; policy/dm_table.h parses and formats
// them. Errors name the map and the operation and carry the kernel's errno.
// Nothing here serializes: callers that share maps across threads lock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "model/dm_map_info.h"
#include "policy/dm_table.h"  // SplitTargetLine

namespace mpx {

enum class RemoveMode {
  kNow,       // refuse (EBUSY) while the map is open
  kDeferred,  // remove now if unused, else when the last opener closes it
};

// Why the kernel's device-mapper cannot be used at all.
enum class DmAbsence {
  kNone,           // it can
  kNoDriver,       // the kernel has no device-mapper driver (dm_mod not loaded, or not built)
  kNoControlNode,  // the driver is there, its control node is missing or not a device node
  kNoAccess,       // the control node refuses this user (EACCES, EPERM)
  kNoAnswer,       // the control node opens, the driver does not answer DM_VERSION
};

// What a map's event tells udev's rules: the reference's
// DM_SUBSYSTEM_UDEV_FLAG0..2 (MPATH_UDEV_RELOAD_FLAG, MPATH_UDEV_NO_KPARTX_FLAG,
// MPATH_UDEV_NO_PATHS_FLAG), which its 11-dm-mpath.rules and 66-kpartx.rules
// read.
struct MapUdevFlags {
  // A reload of a map udev knows: links and partitions kept, no new scan.
  // Unset for a forced reload (multipath -r, multipathd's own reloads),
  // which udev scans again, as the reference does.
  bool reload = false;
  bool no_kpartx = false;  // skip_kpartx: no partition maps for this map
  bool no_paths = false;   // no usable path: nothing for udev to read
  uint16_t Bits() const;
  bool operator==(const MapUdevFlags&) const = default;
};

// How a map is created: its event's udev flags, and whether it is read-only
// (kpartx -r).
struct MapCreateOptions {
  MapUdevFlags udev;
  bool read_only = false;
};

// What mpx saw when it first reached for device-mapper.
struct DmAvailability {
  DmAbsence absence = DmAbsence::kNone;
  std::string control_node = "/dev/mapper/control";
  int open_errno = 0;  // why opening the control node failed; 0 when it opened
  // Whether /proc/misc lists "device-mapper" (the driver is registered);
  // nullopt when /proc/misc could not be read.
  std::optional<bool> in_proc_misc;
  bool available() const { return absence == DmAbsence::kNone; }
};

// The code of every DeviceMapper error while device-mapper cannot be used at
// all; Availability() says why. Not an errno (those are positive), so no
// kernel answer about one map (ENXIO, EBUSY, ...) is ever taken for it.
inline constexpr int kDmUnavailable = -1;
inline bool IsDmUnavailable(const Error& e) { return e.code == kDmUnavailable; }

// The cause of a failed DM_VERSION, from the errno of opening the control
// node (0: it opened) and whether /proc/misc lists device-mapper. A driver
// missing from /proc/misc explains any failure to open; without /proc/misc
// the errno alone decides (ENODEV, ENXIO: a node with no driver behind it).
DmAbsence ClassifyDmAbsence(int open_errno, std::optional<bool> in_proc_misc);

// Whether /proc/misc's text ("<minor> <name>" lines) lists device-mapper.
bool ProcMiscListsDeviceMapper(std::string_view proc_misc);

class DeviceMapper {
 public:
  virtual ~DeviceMapper() = default;

  // Whether device-mapper can be used at all and, if not, why. Found once,
  // on the first call of any method, and remembered; while it cannot, every
  // other method fails with kDmUnavailable and changes nothing.
  virtual DmAvailability Availability() = 0;

  // Maps with a target of `target_type` (e.g. "multipath"; "" for every
  // map), sorted by name.
  virtual Result<std::vector<DmMapInfo>> List(std::string_view target_type) = 0;
  // ENXIO when there is no such map.
  virtual Result<DmMapInfo> Info(const std::string& name) = 0;
  // The same, found by uuid ("mpath-<wwid>") or by device number: one ioctl,
  // where List would cost one per map (udev asks this for every event).
  virtual Result<DmMapInfo> InfoByUuid(const std::string& uuid) = 0;
  virtual Result<DmMapInfo> InfoByDevT(uint32_t major, uint32_t minor) = 0;
  virtual Result<std::string> Table(const std::string& name) = 0;
  virtual Result<std::string> Status(const std::string& name) = 0;

  // Creates and activates a map (read-write unless asked). When this
  // returns, the map's /dev/mapper node exists (made by udev or, without
  // udev, by the library).
  virtual mpx::Status Create(const std::string& name, const std::string& uuid,
                             const std::string& table, MapCreateOptions options) = 0;
  // Loads `table` into the inactive slot and resumes the map without
  // flushing queued I/O, so it works while the map is open and in use.
  // `udev`: how udev's rules take the resume's event.
  virtual mpx::Status Reload(const std::string& name, const std::string& table,
                             MapUdevFlags udev) = 0;
  // Suspends without flushing (a map queueing with no paths would never flush).
  virtual mpx::Status Suspend(const std::string& name) = 0;
  virtual mpx::Status Resume(const std::string& name) = 0;
  virtual mpx::Status Rename(const std::string& name, const std::string& new_name) = 0;
  // kNow refuses a map whose open count is above 0 with EBUSY.
  virtual mpx::Status Remove(const std::string& name, RemoveMode mode) = 0;
  // A target message to sector 0: "fail_path 8:16", "reinstate_path 8:16",
  // "switch_group 2", "queue_if_no_path", "fail_if_no_path", ...
  virtual mpx::Status Message(const std::string& name, const std::string& message) = 0;

  // Batching: between BeginBatch and EndBatch, calls that make uevents do not
  // wait for udev one by one; EndBatch waits once for all of them (and, without
  // udev, makes the /dev/mapper node changes). Many maps are then set up while
  // udev works on the earlier ones. Default: no batching.
  virtual void BeginBatch() {}
  virtual void EndBatch() {}
};

// The real device-mapper through libdevmapper.
//
// udev: when udevd runs (and DM_DISABLE_UDEV is not set in the environment,
// which libdevmapper reads itself at load time), calls that make uevents
// (create, resume, reload, rename, remove) wait on a udev cookie until udev
// has processed the event, and leave /dev/mapper nodes to udev. Without
// udevd, libdevmapper makes and removes the /dev/mapper nodes itself before
// the call returns. libdevmapper's own log messages are not printed; the
// last one is added to the error when the kernel gave no errno.
class LibDevmapper : public DeviceMapper {
 public:
  // `udev_sync` false never waits for udev (the library then makes nodes).
  explicit LibDevmapper(bool udev_sync = true);
  // Whether calls wait for udev (udevd runs, semaphores work, not disabled).
  bool udev_sync() const { return udev_sync_; }

  // The first call asks the driver its version (DM_VERSION, which also makes
  // the control node when root and autoloads dm_mod); when that fails it
  // opens the control node itself for the errno and reads /proc/misc.
  DmAvailability Availability() override;
  Result<std::vector<DmMapInfo>> List(std::string_view target_type) override;
  Result<DmMapInfo> Info(const std::string& name) override;
  Result<DmMapInfo> InfoByUuid(const std::string& uuid) override;
  Result<DmMapInfo> InfoByDevT(uint32_t major, uint32_t minor) override;
  Result<std::string> Table(const std::string& name) override;
  Result<std::string> Status(const std::string& name) override;
  mpx::Status Create(const std::string& name, const std::string& uuid, const std::string& table,
                     MapCreateOptions options) override;
  mpx::Status Reload(const std::string& name, const std::string& table, MapUdevFlags udev) override;
  mpx::Status Suspend(const std::string& name) override;
  mpx::Status Resume(const std::string& name) override;
  mpx::Status Rename(const std::string& name, const std::string& new_name) override;
  mpx::Status Remove(const std::string& name, RemoveMode mode) override;
  mpx::Status Message(const std::string& name, const std::string& message) override;

  void BeginBatch() override;
  void EndBatch() override;

 private:
  // kDmUnavailable (naming the map and operation) when device-mapper cannot
  // be used; probes on the first call.
  mpx::Status Ready(const std::string& name, std::string_view op);

  std::optional<DmAvailability> availability_;
  bool udev_sync_;
  bool batching_ = false;
  uint32_t batch_cookie_ = 0;  // shared by every uevent-making call of a batch
};

}  // namespace mpx
