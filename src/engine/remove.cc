#include "engine/remove.h"

#include <cerrno>

namespace mpx {

Status RemoveUnusedMap(DeviceMapper& dm, Clock& clock, const std::string& name, int retries) {
  for (int attempt = 0;; ++attempt) {
    auto info = dm.Info(name);
    if (!info.ok()) return info.error();
    if (info->open_count == 0) {
      Status s = dm.Remove(name, RemoveMode::kNow);
      if (s.ok() || s.error().code != EBUSY || attempt >= retries) return s;
    } else if (attempt >= retries) {
      return MakeError(
          name + ": map in use (open count " + std::to_string(info->open_count) + "), not removed",
          EBUSY);
    }
    clock.SleepFor(std::chrono::seconds(1));
  }
}

}  // namespace mpx
