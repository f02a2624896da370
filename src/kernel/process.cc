#include "kernel/process.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <syslog.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>

namespace mpx {

Status Daemonize() {
  pid_t pid = ::fork();
  if (pid < 0) {
    int err = errno;
    return MakeError(std::string("fork: ") + std::strerror(err), err);
  }
  if (pid > 0) ::_exit(0);
  ::setsid();
  if (::chdir("/") != 0) {
    // "/" always exists; nothing else to do.
  }
  ::umask(022);
  int null = ::open("/dev/null", O_RDWR | O_CLOEXEC);
  if (null >= 0) {
    ::dup2(null, 0);
    ::dup2(null, 1);
    ::dup2(null, 2);
    if (null > 2) ::close(null);
  }
  ::openlog("multipathd", LOG_PID, LOG_DAEMON);
  return {};
}

std::string LogTimestamp() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  ::localtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%b %d %H:%M:%S", &tm);
  return buf;
}

void Syslog(LogLevel level, std::string_view message) {
  int prio = LOG_DEBUG;
  switch (level) {
    case LogLevel::kError:
      prio = LOG_ERR;
      break;
    case LogLevel::kWarning:
      prio = LOG_WARNING;
      break;
    case LogLevel::kNotice:
      prio = LOG_NOTICE;
      break;
    case LogLevel::kInfo:
      prio = LOG_INFO;
      break;
    case LogLevel::kDebug:
      break;
  }
  ::syslog(prio, "%.*s", static_cast<int>(message.size()), message.data());
}

bool IsRoot() { return ::geteuid() == 0; }

Result<std::string> RaiseOpenFdsLimit(uint64_t max) {
  rlimit lim{};
  if (::getrlimit(RLIMIT_NOFILE, &lim) != 0) return MakeError("getrlimit", errno);
  if (lim.rlim_cur < max || lim.rlim_max < max) {
    const rlimit want{max, max};
    if (::setrlimit(RLIMIT_NOFILE, &want) != 0) {
      return MakeError("can't set open fds limit to " + std::to_string(max) + "/" +
                           std::to_string(max) + " : " + std::strerror(errno),
                       errno);
    }
    lim = want;
  }
  return std::to_string(lim.rlim_cur) + "/" + std::to_string(lim.rlim_max);
}

pid_t CurrentPid() { return ::getpid(); }

}  // namespace mpx
