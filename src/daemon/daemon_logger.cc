#include "daemon/daemon_logger.h"

namespace mpx {

void DaemonLogger::Log(LogLevel level, std::string_view message) {
  if (!Enabled(level)) return;
  std::string line;
  if (timestamp_) {
    std::string stamp = timestamp_();
    if (!stamp.empty()) line = stamp + " | ";
  }
  line += message;
  std::lock_guard lock(mu_);
  sink_(level, line);
}

}  // namespace mpx
