// Process-level OS calls for multipathd: detaching into the background,
// the wall clock's time of day for log lines, syslog.
#pragma once

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
pid_t CurrentPid();

}  // namespace mpx
