#include "kernel/systemd.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <string>

#include "base/unique_fd.h"

namespace mpx {
namespace {

// The first fd systemd passes (SD_LISTEN_FDS_START).
constexpr int kListenFdsStart = 3;

std::string_view Env(const char* name) {
  const char* v = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): read at start-up
  return v != nullptr ? v : "";
}

template <typename T>
std::optional<T> ParseNumber(std::string_view s) {
  T value{};
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

// The variables address this process only when their *_PID names it (or,
// for the watchdog, is absent): a child that inherited them must not answer
// for its parent.
bool ForThisProcess(std::string_view pid_var, bool required) {
  if (pid_var.empty()) return !required;
  auto pid = ParseNumber<pid_t>(pid_var);
  return pid.has_value() && *pid == ::getpid();
}

// "@name" is abstract (leading NUL), "/path" a file; systemd's other forms
// (vsock) are not for a storage daemon on the host.
Result<socklen_t> NotifyAddress(std::string_view where, sockaddr_un* addr) {
  *addr = sockaddr_un{};
  addr->sun_family = AF_UNIX;
  if (where.size() < 2 || where.size() >= sizeof addr->sun_path ||
      (where[0] != '@' && where[0] != '/')) {
    return MakeError("NOTIFY_SOCKET=" + std::string(where) + ": not a unix socket address",
                     EAFNOSUPPORT);
  }
  std::memcpy(addr->sun_path, where.data(), where.size());
  if (where[0] == '@') addr->sun_path[0] = '\0';
  // A path's length counts its NUL; an abstract name's does not end in one.
  size_t len = where.size() + (where[0] == '/' ? 1 : 0);
  return static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + len);
}

}  // namespace

Status SdNotify(std::string_view state) {
  std::string_view where = Env("NOTIFY_SOCKET");
  if (where.empty()) return {};
  sockaddr_un addr{};
  auto len = NotifyAddress(where, &addr);
  if (!len.ok()) return len.error();
  UniqueFd fd(::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0));
  if (!fd.valid()) {
    int err = errno;
    return MakeError(std::string("socket: ") + std::strerror(err), err);
  }
  ssize_t n = ::sendto(fd.get(), state.data(), state.size(), MSG_NOSIGNAL,
                       reinterpret_cast<const sockaddr*>(&addr), *len);
  if (n < 0) {
    int err = errno;
    return MakeError("NOTIFY_SOCKET=" + std::string(where) + ": " + std::strerror(err), err);
  }
  return {};
}

std::optional<MonoTime> WatchdogInterval() {
  if (!ForThisProcess(Env("WATCHDOG_PID"), /*required=*/false)) return std::nullopt;
  auto usec = ParseNumber<uint64_t>(Env("WATCHDOG_USEC"));
  if (!usec.has_value() || *usec == 0) return std::nullopt;
  return MonoTime(static_cast<MonoTime::rep>(*usec));
}

std::vector<int> ListenFds() {
  std::vector<int> fds;
  if (ForThisProcess(Env("LISTEN_PID"), /*required=*/true)) {
    auto n = ParseNumber<int>(Env("LISTEN_FDS"));
    for (int fd = kListenFdsStart; n.has_value() && fd < kListenFdsStart + *n; ++fd) {
      // Ours now: our children must not inherit the daemon's socket. And
      // non-blocking, as our own sockets are: systemd passes them blocking
      // (NonBlocking=no), and a server that accepts until EAGAIN would hang
      // in accept() once the queue is empty.
      int flags = ::fcntl(fd, F_GETFL);
      if (::fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 && flags >= 0 &&
          ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0) {
        fds.push_back(fd);
      }
    }
  }
  ::unsetenv("LISTEN_PID");      // NOLINT(concurrency-mt-unsafe): start-up, one thread
  ::unsetenv("LISTEN_FDS");      // NOLINT(concurrency-mt-unsafe)
  ::unsetenv("LISTEN_FDNAMES");  // NOLINT(concurrency-mt-unsafe)
  return fds;
}

}  // namespace mpx
