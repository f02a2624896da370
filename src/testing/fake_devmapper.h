// FakeDeviceMapper: device-mapper in memory, for tests.
//
// It keeps what it was given: each map's name, uuid, table line (as given,
// not normalised as the kernel would), suspended flag and an open count the
// test sets. Status lines are derived from the table the way the kernel
// prints them: every path active ("A", fail count 0) until a fail_path
// message, the initial group active ("A"), the others enabled ("E"). (The
// kernel shows every group "E" until the first I/O picks one.)
// Messages change that state like the kernel does: fail_path, reinstate_path,
// switch_group, enable_group, disable_group, queue_if_no_path (added to the
// table's features), fail_if_no_path (removed).
//
// Faults: InjectFailure makes the Nth matching call fail with an errno
// before it has any effect, like leveldb's ErrorEnv; SetAvailability takes
// device-mapper away (and gives it back): every call then fails with
// kDmUnavailable, as LibDevmapper's on a kernel without device-mapper. Every
// call, reads included, is logged in calls() as "<op> <name> [<message>]"
// (Availability(), which touches no map, is not).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "kernel/devmapper.h"
#include "model/dm_table.h"

namespace mpx {

class FakeDeviceMapper : public DeviceMapper {
 public:
  struct Map {
    DmMapInfo info;
    std::string table;
    DmTable parsed;  // the table's multipath grammar; empty for other targets
    std::map<std::string, unsigned> fail_counts;
    std::map<std::string, bool> failed;
    std::vector<bool> disabled;  // per group
    unsigned current_group = 0;
  };

  // The `nth` call from now (1: the next one) whose operation is `op`
  // ("create", "message", ...; "" matches any) fails with `err`.
  void InjectFailure(int err, int nth = 1, std::string op = "");
  // Device-mapper as Availability() reports it; while `a` is not available,
  // every other call fails with kDmUnavailable before it has any effect.
  void SetAvailability(DmAvailability a) { availability_ = std::move(a); }
  // Sets a map's open count (e.g. a mounted file system holds it open). A
  // deferred removal happens when the count drops to 0. A map created with
  // one linear target over another map (a partition map) holds that one
  // open until it is removed, as in the kernel.
  void SetOpenCount(const std::string& name, int count);
  // What the kernel does by itself: the first I/O through a map picks its
  // active group (0: none yet, every group "E"), an I/O error fails a path.
  void SetCurrentGroup(const std::string& name, unsigned group);
  void FailPathByKernel(const std::string& name, const std::string& dev);
  // nullptr when there is no such map.
  const Map* Find(const std::string& name) const;
  const std::vector<std::string>& calls() const { return calls_; }

  DmAvailability Availability() override { return availability_; }
  Result<std::vector<DmMapInfo>> List(std::string_view target_type) override;
  Result<DmMapInfo> Info(const std::string& name) override;
  Result<DmMapInfo> InfoByUuid(const std::string& uuid) override;
  Result<DmMapInfo> InfoByDevT(uint32_t major, uint32_t minor) override;
  Result<std::string> Table(const std::string& name) override;
  Result<std::string> Status(const std::string& name) override;
  mpx::Status Create(const std::string& name, const std::string& uuid, const std::string& table,
                     MapCreateOptions options) override;
  mpx::Status Reload(const std::string& name, const std::string& table, MapUdevFlags udev) override;
  // The udev flags of each create and reload, in order: {"create mpatha", flags}.
  const std::vector<std::pair<std::string, MapUdevFlags>>& udev_flags() const {
    return udev_flags_;
  }
  mpx::Status Suspend(const std::string& name) override;
  mpx::Status Resume(const std::string& name) override;
  mpx::Status Rename(const std::string& name, const std::string& new_name) override;
  mpx::Status Remove(const std::string& name, RemoveMode mode) override;
  mpx::Status Message(const std::string& name, const std::string& message) override;

 private:
  Map* HeldBy(const std::string& table);
  void Erase(const std::string& name);
  struct Injection {
    int err;
    int remaining;
    std::string op;
  };
  // Logs the call; an error when an injected failure is due.
  mpx::Status Begin(const std::string& op, const std::string& name, const std::string& extra = "");
  Result<Map*> Lookup(const std::string& op, const std::string& name);
  mpx::Status SetTable(Map& m, const std::string& op, const std::string& table);
  mpx::Status ApplyMessage(Map& m, const std::string& message);

  DmAvailability availability_;
  std::map<std::string, Map> maps_;
  std::vector<std::pair<std::string, MapUdevFlags>> udev_flags_;
  std::vector<Injection> injections_;
  std::vector<std::string> calls_;
  uint32_t next_minor_ = 0;
};

}  // namespace mpx
