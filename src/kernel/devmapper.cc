#include "kernel/devmapper.h"

#include <fcntl.h>
#include <libdevmapper.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <memory>
#include <system_error>

#include "base/atomic_file.h"
#include "base/strings.h"

namespace mpx {
namespace {

struct TaskDeleter {
  void operator()(dm_task* t) const { dm_task_destroy(t); }
};
using Task = std::unique_ptr<dm_task, TaskDeleter>;

// libdevmapper prints to stderr unless given a log function. Library code
// never prints: keep the last warning or error to explain a failure that
// came with no errno (a bad name, a table the library refused).
thread_local std::string t_last_log;

void KeepLastMessage(int level, const char*, int, int, const char* format, ...) {
  if ((level & 7) > 4) return;  // debug, info, notice; 4 is _LOG_WARN
  char buf[512];
  va_list ap;
  va_start(ap, format);
  vsnprintf(buf, sizeof buf, format, ap);
  va_end(ap);
  t_last_log = buf;
}

Error Fail(const std::string& name, std::string_view op, dm_task* t) {
  int err = t != nullptr ? dm_task_get_errno(t) : 0;
  std::string why = err != 0 ? std::error_code(err, std::generic_category()).message()
                             : (t_last_log.empty() ? "failed" : t_last_log);
  return MakeError("map " + name + ": " + std::string(op) + ": " + why, err);
}

Result<Task> NewTask(int type, const std::string& name, std::string_view op) {
  t_last_log.clear();
  Task t(dm_task_create(type));
  // dm_task_create fails on allocation, or when the library's version check
  // (its first ioctl) failed: then the library said why.
  if (!t && !t_last_log.empty())
    return MakeError("map " + name + ": " + std::string(op) + ": " + t_last_log);
  if (!t) return MakeError("map " + name + ": " + std::string(op) + ": out of memory", ENOMEM);
  if (!name.empty() && dm_task_set_name(t.get(), name.c_str()) == 0) return Fail(name, op, nullptr);
  return t;
}

// Runs a task whose ioctl makes a uevent (create, resume, rename, remove).
// With udev sync the cookie makes dm_udev_wait block until udev has run its
// rules and made the /dev/mapper links; udev alone manages nodes then.
// Without it the cookie is 0 and dm_udev_wait makes the library's stacked
// node operations (mknod, unlink, rename under /dev/mapper) happen now.
// In a batch (`batch_cookie` not null) the cookie is shared and the wait is
// left to EndBatch.
bool RunWithCookie(dm_task* t, bool udev_sync, uint16_t flags, uint32_t* batch_cookie = nullptr) {
  uint32_t cookie = 0;
  uint32_t* c = batch_cookie != nullptr ? batch_cookie : &cookie;
  if (udev_sync) flags |= DM_UDEV_DISABLE_LIBRARY_FALLBACK;
  if (dm_task_set_cookie(t, c, flags) == 0) return false;
  bool ok = dm_task_run(t) != 0;
  if (batch_cookie == nullptr) dm_udev_wait(cookie);  // always: it also releases the semaphore
  return ok;
}

// Adds each line of `table` as a target; fails on a line that is not
// "<start> <length> <type> <params>".
mpx::Status AddTargets(dm_task* t, const std::string& name, std::string_view op,
                       const std::string& table) {
  for (std::string_view line : Split(table, '\n')) {
    if (Trim(line).empty()) continue;
    auto target = SplitTargetLine(line);
    if (!target) {
      return MakeError("map " + name + ": " + std::string(op) + ": " + target.error().message,
                       EINVAL);
    }
    if (dm_task_add_target(t, target->start, target->length, target->type.c_str(),
                           target->params.c_str()) == 0) {
      return Fail(name, op, nullptr);
    }
  }
  return {};
}

std::string TargetLines(dm_task* t) {
  std::string out;
  void* next = nullptr;
  do {
    uint64_t start = 0, length = 0;
    char* type = nullptr;
    char* params = nullptr;
    next = dm_get_next_target(t, next, &start, &length, &type, &params);
    if (type == nullptr) continue;
    if (!out.empty()) out += "\n";
    out += std::to_string(start) + " " + std::to_string(length) + " " + type + " " +
           (params != nullptr ? params : "");
  } while (next != nullptr);
  return out;
}

DmMapInfo InfoOf(dm_task* t, const std::string& name, const dm_info& i) {
  DmMapInfo m;
  m.name = name;
  const char* uuid = dm_task_get_uuid(t);
  m.uuid = uuid != nullptr ? uuid : "";
  m.major = i.major;
  m.minor = i.minor;
  m.open_count = i.open_count;
  m.suspended = i.suspended != 0;
  m.read_only = i.read_only != 0;
  m.inactive_table = i.inactive_table != 0;
  m.deferred_remove = i.deferred_remove != 0;
  m.event_nr = i.event_nr;
  return m;
}

// What the kernel says when DM_VERSION failed: the control node's errno (the
// library logs it only as text) and /proc/misc.
DmAvailability Diagnose(std::string control_node) {
  DmAvailability a;
  a.control_node = std::move(control_node);
  int fd = ::open(a.control_node.c_str(), O_RDWR | O_CLOEXEC);
  a.open_errno = fd < 0 ? errno : 0;
  if (fd >= 0) ::close(fd);
  if (auto misc = ReadWholeFile("/proc/misc"); misc.ok()) {
    a.in_proc_misc = ProcMiscListsDeviceMapper(misc.value());
  }
  a.absence = ClassifyDmAbsence(a.open_errno, a.in_proc_misc);
  return a;
}

}  // namespace

DmAbsence ClassifyDmAbsence(int open_errno, std::optional<bool> in_proc_misc) {
  if (open_errno == 0) return DmAbsence::kNoAnswer;
  if (in_proc_misc == false)
    return DmAbsence::kNoDriver;  // whatever the node, nothing is behind it
  if (open_errno == EACCES || open_errno == EPERM) return DmAbsence::kNoAccess;
  // ENODEV, ENXIO: a node with no driver behind it; when /proc/misc lists the
  // driver, the node is the wrong one.
  if ((open_errno == ENODEV || open_errno == ENXIO) && !in_proc_misc.has_value()) {
    return DmAbsence::kNoDriver;
  }
  return DmAbsence::kNoControlNode;
}

bool ProcMiscListsDeviceMapper(std::string_view proc_misc) {
  for (std::string_view line : Split(proc_misc, '\n')) {
    line = Trim(line);
    size_t space = line.find_first_of(" \t");
    if (space != std::string_view::npos && Trim(line.substr(space)) == "device-mapper") return true;
  }
  return false;
}

LibDevmapper::LibDevmapper(bool udev_sync) {
  dm_log_with_errno_init(KeepLastMessage);
  dm_udev_set_sync_support(udev_sync ? 1 : 0);
  udev_sync_ = dm_udev_get_sync_support() != 0;
}

DmAvailability LibDevmapper::Availability() {
  if (!availability_) {
    t_last_log.clear();
    char version[64];
    if (dm_driver_version(version, sizeof version) != 0) {
      availability_.emplace();
      availability_->control_node = std::string(dm_dir()) + "/control";
    } else {
      availability_ = Diagnose(std::string(dm_dir()) + "/control");
    }
  }
  return *availability_;
}

mpx::Status LibDevmapper::Ready(const std::string& name, std::string_view op) {
  if (Availability().available()) return {};
  return MakeError("map " + name + ": " + std::string(op) + ": device-mapper is not available",
                   kDmUnavailable);
}

void LibDevmapper::BeginBatch() {
  batching_ = true;
  batch_cookie_ = 0;
}

void LibDevmapper::EndBatch() {
  if (!batching_) return;
  batching_ = false;
  // One wait for every uevent of the batch; with cookie 0 (nothing was done,
  // or no udev) it still runs the library's queued node operations.
  dm_udev_wait(batch_cookie_);
  batch_cookie_ = 0;
}

Result<std::vector<DmMapInfo>> LibDevmapper::List(std::string_view target_type) {
  if (auto ready = Ready("*", "list"); !ready) return ready.error();
  auto list = NewTask(DM_DEVICE_LIST, "", "list");
  if (!list) return list.error();
  if (dm_task_run(list->get()) == 0) return Fail("*", "list", list->get());
  std::vector<DmMapInfo> maps;
  dm_names* n = dm_task_get_names(list->get());
  while (n != nullptr && n->dev != 0) {
    std::string name = n->name;
    auto t = NewTask(DM_DEVICE_TABLE, name, "table");
    dm_info i{};
    // A map removed since the list was taken is left out.
    if (t && dm_task_run(t->get()) != 0 && dm_task_get_info(t->get(), &i) != 0 && i.exists != 0) {
      bool match = target_type.empty();  // "": every map, even one without a table
      std::string lines = TargetLines(t->get());
      for (std::string_view l : Split(lines, '\n')) {
        auto target = SplitTargetLine(l);
        if (target && target->type == target_type) match = true;
      }
      if (match) maps.push_back(InfoOf(t->get(), name, i));
    }
    if (n->next == 0) break;
    n = reinterpret_cast<dm_names*>(reinterpret_cast<char*>(n) + n->next);
  }
  std::sort(maps.begin(), maps.end(),
            [](const DmMapInfo& a, const DmMapInfo& b) { return a.name < b.name; });
  return maps;
}

Result<DmMapInfo> LibDevmapper::Info(const std::string& name) {
  if (auto ready = Ready(name, "info"); !ready) return ready.error();
  auto t = NewTask(DM_DEVICE_INFO, name, "info");
  if (!t) return t.error();
  dm_info i{};
  if (dm_task_run(t->get()) == 0 || dm_task_get_info(t->get(), &i) == 0) {
    return Fail(name, "info", t->get());
  }
  if (i.exists == 0) return MakeError("map " + name + ": info: no such map", ENXIO);
  return InfoOf(t->get(), name, i);
}

namespace {

// Runs a DM_DEVICE_INFO task set up by uuid or device number; `what` names
// the key in errors. The map's name comes from the kernel's answer.
Result<DmMapInfo> RunInfoLookup(dm_task* t, const std::string& what) {
  dm_info i{};
  if (dm_task_run(t) == 0 || dm_task_get_info(t, &i) == 0) return Fail(what, "info", t);
  if (i.exists == 0) return MakeError("map " + what + ": info: no such map", ENXIO);
  const char* name = dm_task_get_name(t);
  return InfoOf(t, name != nullptr ? name : "", i);
}

}  // namespace

Result<DmMapInfo> LibDevmapper::InfoByUuid(const std::string& uuid) {
  if (auto ready = Ready("uuid " + uuid, "info"); !ready) return ready.error();
  auto t = NewTask(DM_DEVICE_INFO, "", "info");
  if (!t) return t.error();
  if (dm_task_set_uuid(t->get(), uuid.c_str()) == 0) return Fail("uuid " + uuid, "info", t->get());
  return RunInfoLookup(t->get(), "uuid " + uuid);
}

Result<DmMapInfo> LibDevmapper::InfoByDevT(uint32_t major, uint32_t minor) {
  const std::string what = std::to_string(major) + ":" + std::to_string(minor);
  if (auto ready = Ready(what, "info"); !ready) return ready.error();
  auto t = NewTask(DM_DEVICE_INFO, "", "info");
  if (!t) return t.error();
  if (dm_task_set_major(t->get(), static_cast<int>(major)) == 0 ||
      dm_task_set_minor(t->get(), static_cast<int>(minor)) == 0) {
    return Fail(what, "info", t->get());
  }
  return RunInfoLookup(t->get(), what);
}

Result<std::string> LibDevmapper::Table(const std::string& name) {
  if (auto ready = Ready(name, "table"); !ready) return ready.error();
  auto t = NewTask(DM_DEVICE_TABLE, name, "table");
  if (!t) return t.error();
  if (dm_task_run(t->get()) == 0) return Fail(name, "table", t->get());
  return TargetLines(t->get());
}

Result<std::string> LibDevmapper::Status(const std::string& name) {
  if (auto ready = Ready(name, "status"); !ready) return ready.error();
  auto t = NewTask(DM_DEVICE_STATUS, name, "status");
  if (!t) return t.error();
  if (dm_task_run(t->get()) == 0) return Fail(name, "status", t->get());
  return TargetLines(t->get());
}

uint16_t MapUdevFlags::Bits() const {
  return (reload ? DM_SUBSYSTEM_UDEV_FLAG0 : 0) | (no_kpartx ? DM_SUBSYSTEM_UDEV_FLAG1 : 0) |
         (no_paths ? DM_SUBSYSTEM_UDEV_FLAG2 : 0);
}

mpx::Status LibDevmapper::Create(const std::string& name, const std::string& uuid,
                                 const std::string& table, MapCreateOptions options) {
  if (auto ready = Ready(name, "create"); !ready) return ready.error();
  auto t = NewTask(DM_DEVICE_CREATE, name, "create");
  if (!t) return t.error();
  if (options.read_only && dm_task_set_ro(t->get()) == 0) return Fail(name, "create", nullptr);
  if (auto added = AddTargets(t->get(), name, "create", table); !added) return added.error();
  if (!uuid.empty() && dm_task_set_uuid(t->get(), uuid.c_str()) == 0)
    return Fail(name, "create", nullptr);
  if (!RunWithCookie(t->get(), udev_sync_, options.udev.Bits(),
                     batching_ ? &batch_cookie_ : nullptr))
    return Fail(name, "create", t->get());
  return {};
}

mpx::Status LibDevmapper::Reload(const std::string& name, const std::string& table,
                                 MapUdevFlags udev) {
  if (auto ready = Ready(name, "reload"); !ready) return ready.error();
  auto t = NewTask(DM_DEVICE_RELOAD, name, "reload");
  if (!t) return t.error();
  if (auto added = AddTargets(t->get(), name, "reload", table); !added) return added.error();
  if (dm_task_run(t->get()) == 0) return Fail(name, "reload", t->get());
  auto r = NewTask(DM_DEVICE_RESUME, name, "reload: resume");
  if (!r) return r.error();
  dm_task_no_flush(r->get());
  if (!RunWithCookie(r->get(), udev_sync_, udev.Bits(), batching_ ? &batch_cookie_ : nullptr)) {
    return Fail(name, "reload: resume", r->get());
  }
  return {};
}

mpx::Status LibDevmapper::Suspend(const std::string& name) {
  if (auto ready = Ready(name, "suspend"); !ready) return ready.error();
  auto t = NewTask(DM_DEVICE_SUSPEND, name, "suspend");
  if (!t) return t.error();
  dm_task_no_flush(t->get());
  if (dm_task_run(t->get()) == 0) return Fail(name, "suspend", t->get());
  return {};
}

mpx::Status LibDevmapper::Resume(const std::string& name) {
  if (auto ready = Ready(name, "resume"); !ready) return ready.error();
  auto t = NewTask(DM_DEVICE_RESUME, name, "resume");
  if (!t) return t.error();
  if (!RunWithCookie(t->get(), udev_sync_, 0, batching_ ? &batch_cookie_ : nullptr))
    return Fail(name, "resume", t->get());
  return {};
}

mpx::Status LibDevmapper::Rename(const std::string& name, const std::string& new_name) {
  if (auto ready = Ready(name, "rename"); !ready) return ready.error();
  auto t = NewTask(DM_DEVICE_RENAME, name, "rename");
  if (!t) return t.error();
  if (dm_task_set_newname(t->get(), new_name.c_str()) == 0) return Fail(name, "rename", nullptr);
  if (!RunWithCookie(t->get(), udev_sync_, 0, batching_ ? &batch_cookie_ : nullptr))
    return Fail(name, "rename", t->get());
  return {};
}

mpx::Status LibDevmapper::Remove(const std::string& name, RemoveMode mode) {
  if (auto ready = Ready(name, "remove"); !ready) return ready.error();
  if (mode == RemoveMode::kNow) {
    auto info = Info(name);
    if (!info && info.error().code == ENXIO)
      return MakeError("map " + name + ": remove: no such map", ENXIO);
    if (!info) return info.error();
    if (info->open_count > 0) {
      return MakeError(
          "map " + name + ": remove: in use (open count " + std::to_string(info->open_count) + ")",
          EBUSY);
    }
  }
  auto t = NewTask(DM_DEVICE_REMOVE, name, "remove");
  if (!t) return t.error();
  // retry_remove: udev may hold the node open for a moment (blkid); the
  // library retries a few times on EBUSY.
  if (mode == RemoveMode::kDeferred)
    dm_task_deferred_remove(t->get());
  else
    dm_task_retry_remove(t->get());
  if (!RunWithCookie(t->get(), udev_sync_, 0, batching_ ? &batch_cookie_ : nullptr))
    return Fail(name, "remove", t->get());
  return {};
}

mpx::Status LibDevmapper::Message(const std::string& name, const std::string& message) {
  if (auto ready = Ready(name, "message \"" + message + "\""); !ready) return ready.error();
  auto t = NewTask(DM_DEVICE_TARGET_MSG, name, "message \"" + message + "\"");
  if (!t) return t.error();
  if (dm_task_set_sector(t->get(), 0) == 0 || dm_task_set_message(t->get(), message.c_str()) == 0 ||
      dm_task_run(t->get()) == 0) {
    return Fail(name, "message \"" + message + "\"", t->get());
  }
  return {};
}

}  // namespace mpx
