#include "kernel/daemon_probe.h"

#include <sys/socket.h>
#include <sys/un.h>

#include <cstddef>
#include <cstring>

#include "base/unique_fd.h"

namespace mpx {

bool MultipathdRunning() {
  UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (!fd.valid()) return false;
  static constexpr char kName[] = "/org/kernel/linux/storage/multipathd";
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::memcpy(addr.sun_path + 1, kName, sizeof kName - 1);  // abstract: leading NUL
  auto len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + 1 + sizeof kName - 1);
  return ::connect(fd.get(), reinterpret_cast<sockaddr*>(&addr), len) == 0;
}

}  // namespace mpx
