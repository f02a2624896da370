// multipathd's client on this machine: the daemon's abstract socket, stdout
// and stderr, and libedit for the prompt (history in ~/.multipath_history
// when the input is a terminal; the reference keeps none across sessions).
#pragma once

#include "cmd/multipathd_options.h"

namespace mpx {

// RunMultipathdClient (multipathd_client.h) over the real socket and terminal.
int RunMultipathdClient(const MultipathdOptions& options, int uxsock_timeout_ms);

}  // namespace mpx
