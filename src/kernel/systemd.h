// The systemd protocols multipathd speaks, without libsystemd: sd_notify
// (READY=1, STATUS=..., WATCHDOG=1, STOPPING=1) over $NOTIFY_SOCKET, the
// watchdog interval ($WATCHDOG_USEC), and socket activation ($LISTEN_FDS,
// $LISTEN_PID; fds from 3). Outside systemd each is a quiet no-op.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "kernel/clock.h"

namespace mpx {

// Sends `state` (e.g. "READY=1\nSTATUS=up") to $NOTIFY_SOCKET; ok when unset.
Status SdNotify(std::string_view state);
// The interval systemd expects WATCHDOG=1 within, when the unit asks for it.
std::optional<MonoTime> WatchdogInterval();
// Sockets systemd passed to this process (socket activation); none outside.
// Each is made close-on-exec and non-blocking. Clears the variables so
// children do not inherit them.
std::vector<int> ListenFds();

}  // namespace mpx
