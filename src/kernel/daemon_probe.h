// Whether multipathd answers on its control socket (the abstract unix socket
// "@/org/kernel/linux/storage/multipathd"): without it the multipath command
// must not leave maps queueing forever.
#pragma once

namespace mpx {

bool MultipathdRunning();

}  // namespace mpx
