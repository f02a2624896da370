#include "app/flush.h"

#include <unistd.h>

#include <cerrno>

#include "app/command_setup.h"
#include "app/dm_unavailable.h"
#include "base/file_lock.h"

namespace mpx {
namespace {

void RealSleep(int ms) { ::usleep(static_cast<useconds_t>(ms) * 1000); }

// Removes one map, retrying while it is busy. Returns the error text or "".
std::string FlushOne(DeviceMapper& dm, const std::string& name, int retries,
                     void (*sleep_ms)(int)) {
  for (int attempt = 0;; ++attempt) {
    auto info = dm.Info(name);
    if (!info.ok()) return info.error().message;
    if (info->open_count == 0) {
      Status s = dm.Remove(name, RemoveMode::kNow);
      if (s.ok()) return "";
      if (s.error().code != EBUSY || attempt >= retries) return s.error().message;
    } else if (attempt >= retries) {
      return name + ": map in use (open count " + std::to_string(info->open_count) +
             "), not removed";
    }
    sleep_ms(1000);
  }
}

}  // namespace

CommandOutput RunFlush(const MultipathOptions& o, Context& ctx, void (*sleep_ms)(int)) {
  if (sleep_ms == nullptr) sleep_ms = RealSleep;
  CommandOutput r;
  auto lock = FileLock::Acquire(ctx.lock_file);
  if (!lock.ok()) return Fail(r, lock.error().message);
  std::vector<std::string> names;
  auto maps = ctx.dm.List("multipath");
  if (!maps.ok()) return FailDm(r, ctx.dm, maps.error());
  if (o.mode == MultipathMode::kFlushAll) {
    for (const auto& m : maps.value()) names.push_back(m.name);
  } else {
    for (const auto& arg : o.devices) {
      bool found = false;
      for (const auto& m : maps.value()) {
        if (m.name == arg || m.uuid == "mpath-" + arg || "/dev/mapper/" + m.name == arg) {
          names.push_back(m.name);
          found = true;
        }
      }
      if (!found) {
        Fail(r, arg + ": no such multipath map");
      }
    }
  }
  ctx.dm.BeginBatch();  // one udev wait for all removals
  for (const auto& name : names) {
    std::string err = FlushOne(ctx.dm, name, o.flush_retries, sleep_ms);
    if (!err.empty()) {
      Fail(r, err);
    } else if (o.verbosity >= 3) {
      r.out += name + ": removed\n";
    }
  }
  ctx.dm.EndBatch();
  return r;
}

}  // namespace mpx
