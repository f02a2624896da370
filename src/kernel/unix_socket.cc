#include "kernel/unix_socket.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <span>
#include <vector>

#include "base/frame.h"

namespace mpx {
namespace {

// Pending connections a burst of clients (udev rules running `multipath -u`
// on hundreds of paths at once) may queue before the daemon accepts them.
constexpr int kBacklog = SOMAXCONN;

std::string Display(const std::string& name) { return "@" + name; }

// The address of the abstract `name`: a leading NUL, then the name without
// a terminating one (the length says where it ends).
Result<socklen_t> AbstractAddress(const std::string& name, sockaddr_un* addr) {
  *addr = sockaddr_un{};
  addr->sun_family = AF_UNIX;
  if (name.empty() || name.size() + 1 > sizeof addr->sun_path) {
    return MakeError("bad abstract socket name \"" + name + "\"", ENAMETOOLONG);
  }
  std::memcpy(addr->sun_path + 1, name.data(), name.size());
  return static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + 1 + name.size());
}

Result<UniqueFd> BoundSocket(const std::string& name, bool listen) {
  sockaddr_un addr{};
  auto len = AbstractAddress(name, &addr);
  if (!len.ok()) return len.error();
  int flags = SOCK_STREAM | SOCK_CLOEXEC | (listen ? SOCK_NONBLOCK : 0);
  UniqueFd fd(::socket(AF_UNIX, flags, 0));
  if (!fd.valid()) return ErrnoError("socket");
  const auto* sa = reinterpret_cast<const sockaddr*>(&addr);
  if (listen) {
    if (::bind(fd.get(), sa, *len) != 0) return ErrnoError("bind " + Display(name));
    if (::listen(fd.get(), kBacklog) != 0) return ErrnoError("listen " + Display(name));
  } else {
    int rc = 0;
    do {
      rc = ::connect(fd.get(), sa, *len);
    } while (rc != 0 && errno == EINTR);
    if (rc != 0) return ErrnoError("connect " + Display(name));
  }
  return fd;
}

using Deadline = std::chrono::steady_clock::time_point;

// Waits until `fd` is readable or the deadline passes (ETIMEDOUT).
Status WaitReadable(int fd, Deadline deadline) {
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return MakeError("no reply in time", ETIMEDOUT);
    pollfd p{.fd = fd, .events = POLLIN, .revents = 0};
    int rc = ::poll(&p, 1, static_cast<int>(left.count()));
    if (rc > 0) return {};
    if (rc < 0 && errno != EINTR) return ErrnoError("poll");
  }
}

}  // namespace

Result<UniqueFd> ListenAbstract(const std::string& name) { return BoundSocket(name, true); }

Result<UniqueFd> AcceptConnection(int listen_fd) {
  for (;;) {
    int fd = ::accept4(listen_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd >= 0) return UniqueFd(fd);
    if (errno != EINTR) return ErrnoError("accept");
  }
}

Result<PeerCredentials> PeerOf(int fd) {
  ucred cred{};
  socklen_t len = sizeof cred;
  if (::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0) {
    return ErrnoError("SO_PEERCRED");
  }
  return PeerCredentials{.pid = cred.pid, .uid = cred.uid, .gid = cred.gid};
}

Result<UniqueFd> ConnectAbstract(const std::string& name) { return BoundSocket(name, false); }

Status SendFrame(int fd, std::string_view text) {
  const std::string frame = EncodeFrame(text);
  size_t sent = 0;
  while (sent < frame.size()) {
    ssize_t n = ::send(fd, frame.data() + sent, frame.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return ErrnoError("send");
    sent += static_cast<size_t>(n);
  }
  return {};
}

Result<std::string> ReceiveFrame(int fd, int timeout_ms, size_t max_bytes) {
  const Deadline deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  FrameReader reader(max_bytes);
  std::vector<std::string> frames;
  std::vector<char> buf(size_t{64} * 1024);
  while (frames.empty()) {
    if (Status s = WaitReadable(fd, deadline); !s.ok()) return s.error();
    ssize_t n = ::recv(fd, buf.data(), buf.size(), MSG_DONTWAIT);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n < 0) return ErrnoError("recv");
    if (n == 0) return MakeError("connection closed before a whole reply", EIO);
    Status fed = reader.Feed(std::span<const char>(buf.data(), static_cast<size_t>(n)), &frames);
    if (!fed.ok()) return MakeError(fed.error().message, ERANGE);
  }
  return std::move(frames.front());
}

Result<std::string> SendCommand(const std::string& name, std::string_view command, int timeout_ms) {
  auto fd = ConnectAbstract(name);
  if (!fd.ok()) return fd.error();
  if (Status s = SendFrame(fd->get(), command); !s.ok()) return s.error();
  return ReceiveFrame(fd->get(), timeout_ms, kMaxReplyBytes);
}

}  // namespace mpx
