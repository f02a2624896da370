// The multipathd service: the real kernel interfaces, one event loop (the
// daemon's thread) with its sources, the control socket's thread and the
// checks' worker pool, wired to the Daemon.
//
//   main loop: uevents (UeventSource), a one-second timer (Daemon::Tick and
//              the systemd watchdog), signals (TERM/INT stop, HUP reconfigure),
//              results of checks and commands posted from other threads;
//   control socket thread: shows from snapshots, actions posted to the loop;
//   pool: checks and the discovery of new paths (a hung device holds one
//         worker; the pool grows up to its limit);
//   metrics textfile thread (when asked for): `show metrics` to a file.
#pragma once

#include <string>

#include "service/metrics_file.h"

namespace mpx {

struct ServiceOptions {
  bool foreground = false;          // -d: no fork, log to stdout
  bool timestamps = true;           // -s turns them off
  int verbosity = 2;                // -v N
  bool bindings_read_only = false;  // -B
  std::string pid_file = "/run/multipathd.pid";
  // MPX_METRICS_TEXTFILE_DIR, MPX_METRICS_INTERVAL (metrics_file.h).
  MetricsFileOptions metrics;
};

// Runs until shut down; the process's exit code.
int RunMultipathd(const ServiceOptions& options);

}  // namespace mpx
