#include "kernel/daemon_probe.h"

#include "kernel/unix_socket.h"

namespace mpx {

// A daemon that accepts the connection is running; nothing is sent.
bool MultipathdRunning() { return ConnectAbstract(kMultipathdSocketName).ok(); }

}  // namespace mpx
