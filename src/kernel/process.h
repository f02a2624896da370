// Process-level OS calls for multipathd: detaching into the background,
// the wall clock's time of day for log lines, syslog.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/logger.h"
#include "base/result.h"

namespace mpx {

// fork() + setsid(), chdir("/"), stdin/stdout/stderr to /dev/null. Returns
// in the child only; the parent exits 0.
Status Daemonize();
// "Dec 02 13:42:05", local time, as the reference stamps its log lines.
std::string LogTimestamp();
// Writes one line to syslog (LOG_DAEMON) at the priority for `level`.
void Syslog(LogLevel level, std::string_view message);
bool IsRoot();
// max_fds: raises RLIMIT_NOFILE, soft and hard, to `max` where either is
// below it (a check hung on a dead device holds its descriptor). Returns
// the limit in force afterwards, "soft/hard".
Result<std::string> RaiseOpenFdsLimit(uint64_t max);
pid_t CurrentPid();

}  // namespace mpx
