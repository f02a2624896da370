// The multipathd control socket: an abstract unix stream socket, as the
// reference's ("@/org/kernel/linux/storage/multipathd"), framed by
// base/frame.h. Server and client halves.
#pragma once

#include <sys/types.h>

#include <cstddef>
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
// The reply is at most kMaxReplyBytes.
Result<std::string> SendCommand(const std::string& name, std::string_view command, int timeout_ms);

// The steps of SendCommand, for a client that keeps one connection for many
// commands (the interactive `multipathd -k`, as the reference's).
// A blocking, close-on-exec stream socket connected to the abstract `name`.
Result<UniqueFd> ConnectAbstract(const std::string& name);
// Writes one frame; a daemon gone away is EPIPE, never a SIGPIPE.
Status SendFrame(int fd, std::string_view text);
// Reads one frame within `timeout_ms` overall. Errors as libmpathcmd's
// receive, which the reference client prints as numbers: ETIMEDOUT; EIO when
// the daemon closes before a whole frame; ERANGE for a length of 0 or above
// `max_bytes`.
Result<std::string> ReceiveFrame(int fd, int timeout_ms, size_t max_bytes);

}  // namespace mpx
