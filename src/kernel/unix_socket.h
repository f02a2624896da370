// The multipathd control socket: an abstract unix stream socket, as the
// reference's ("@/org/kernel/linux/storage/multipathd"), framed by
// daemon/frame.h. Server and client halves.
#pragma once

#include <sys/types.h>

#include <string>
#include <string_view>

#include "base/result.h"
#include "base/unique_fd.h"

namespace mpx {

inline constexpr const char* kMultipathdSocketName = "/org/kernel/linux/storage/multipathd";

struct PeerCredentials {
  pid_t pid = 0;
  uid_t uid = 0;
  gid_t gid = 0;
};

// A listening socket bound to the abstract `name` (non-blocking,
// close-on-exec). EADDRINUSE when another daemon holds it.
Result<UniqueFd> ListenAbstract(const std::string& name);
// Accepts one connection (non-blocking, close-on-exec); EAGAIN when none waits.
Result<UniqueFd> AcceptConnection(int listen_fd);
// SO_PEERCRED of a connected socket.
Result<PeerCredentials> PeerOf(int fd);

// Client: sends one command and returns the reply, waiting at most
// `timeout_ms` for it (the reference's uxsock_timeout, 4000 by default).
// ECONNREFUSED/ENOENT when no daemon listens; ETIMEDOUT when it does not answer.
Result<std::string> SendCommand(const std::string& name, std::string_view command, int timeout_ms);

}  // namespace mpx
