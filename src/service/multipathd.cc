#include "service/multipathd.h"

#include <signal.h>

#include <cerrno>
#include <cstdio>
#include <memory>

#include "config/resolve.h"
#include "daemon/daemon.h"
#include "daemon/daemon_logger.h"
#include "daemon/show.h"
#include "engine/setup.h"
#include "kernel/clock.h"
#include "kernel/devmapper.h"
#include "kernel/event_loop.h"
#include "kernel/files.h"
#include "kernel/process.h"
#include "kernel/scsi_io.h"
#include "kernel/sysfs.h"
#include "kernel/systemd.h"
#include "kernel/udev.h"
#include "kernel/uevent_source.h"
#include "kernel/unix_socket.h"
#include "service/control_server.h"
#include "service/pool_worker.h"

namespace mpx {
namespace {

constexpr const char* kVersionLine = "mpx multipathd 0.1.0";

// Checks run on this many threads at most (started on demand, kept): a hung
// device holds one until the SCSI layer gives up, so there is room for many
// (1% of 10,000 paths hung leaves ~150 for the rest; the daemon bench found
// 64 too few) before other checks wait.
constexpr size_t kCheckThreads = 256;

std::unique_ptr<DaemonLogger> MakeLogger(const ServiceOptions& o) {
  if (o.foreground) {
    std::function<std::string()> stamp;
    if (o.timestamps) stamp = LogTimestamp;
    return std::make_unique<DaemonLogger>(o.verbosity, stamp, [](LogLevel, std::string_view line) {
      std::fwrite(line.data(), 1, line.size(), stdout);
      std::fputc('\n', stdout);
      std::fflush(stdout);
    });
  }
  return std::make_unique<DaemonLogger>(o.verbosity, nullptr, Syslog);
}

// The control socket: systemd's (socket activation) or our own.
Result<UniqueFd> ControlSocket() {
  std::vector<int> fds = ListenFds();
  if (!fds.empty()) return UniqueFd(fds.front());
  auto fd = ListenAbstract(kMultipathdSocketName);
  if (!fd.ok() && fd.error().code == EADDRINUSE) {
    return MakeError("another multipathd is running (its control socket @" +
                         std::string(kMultipathdSocketName) + " is taken)",
                     EADDRINUSE);
  }
  return fd;
}

// Runs the loop's one-second timer: the daemon's tick and the watchdog.
void ScheduleTick(EventLoop& loop, Daemon& daemon, std::optional<MonoTime> watchdog,
                  MonoTime last_ping) {
  MonoTime next = loop.Now() + std::chrono::seconds(1);
  loop.At(next, [&loop, &daemon, watchdog, last_ping] {
    daemon.Tick();
    MonoTime ping = last_ping;
    if (watchdog && loop.Now() - last_ping >= *watchdog / 2) {
      (void)SdNotify("WATCHDOG=1");
      ping = loop.Now();
    }
    if (daemon.stop_requested()) {
      loop.Stop();
      return;
    }
    ScheduleTick(loop, daemon, watchdog, ping);
  });
}

// max_fds from the configuration, as the reference's multipathd: at start,
// before the paths are opened, and again on reconfigure.
void RaiseFdsLimit(const Config& config, Logger& log) {
  const int64_t max = Selection(config, {}, "").Get(Opt::kMaxFds).number();
  if (max <= 0) return;
  auto now = RaiseOpenFdsLimit(static_cast<uint64_t>(max));
  if (now.ok()) {
    log.Info("set open fds limit to " + *now);
  } else {
    log.Error(now.error().message);
  }
}

}  // namespace

int RunMultipathd(const ServiceOptions& o) {
  if (!IsRoot()) {
    std::fprintf(stderr, "multipathd: need to be root\n");
    return 1;
  }
  auto listen = ControlSocket();
  if (!listen.ok()) {
    std::fprintf(stderr, "multipathd: %s\n", listen.error().message.c_str());
    return 1;
  }
  if (!o.foreground) {
    if (Status s = Daemonize(); !s.ok()) {
      std::fprintf(stderr, "multipathd: %s\n", s.error().message.c_str());
      return 1;
    }
  }
  std::unique_ptr<DaemonLogger> log = MakeLogger(o);
  log->Notice(std::string(kVersionLine) + ": start up");

  auto loop = EventLoop::Create();
  if (!loop.ok()) {
    log->Error(loop.error().message);
    return 1;
  }
  EventLoop& main_loop = **loop;
  // Signals are blocked before any other thread starts, so they all
  // inherit the mask and the loop alone takes them.
  ::signal(SIGPIPE, SIG_IGN);
  Daemon* running = nullptr;  // set once it exists
  if (Status s = main_loop.WatchSignals({SIGTERM, SIGINT, SIGHUP},
                                        [&](int signo) {
                                          if (signo != SIGHUP) {
                                            main_loop.Stop();
                                          } else if (running != nullptr) {
                                            CliCommand c;
                                            c.cmd = CliCmd::kReconfigure;
                                            (void)running->Handle(c);
                                          }
                                        });
      !s.ok()) {
    log->Error(s.error().message);
    return 1;
  }

  auto sysfs = DirSysfs::Open("/sys");
  if (!sysfs.ok()) {
    log->Error(sysfs.error().message);
    return 1;
  }
  LibUdevDb udev;
  SgIo scsi;
  // No udev synchronisation, as the reference's multipathd: the daemon never
  // waits for udev to process its maps' uevents (udev's rules for paths ask
  // the daemon, and under load udev takes seconds per map; the library makes
  // the /dev/mapper nodes meanwhile). Measured in the lab at 128 paths: every
  // map and `show daemon` idle after 35 s with the wait, the reference 7 s.
  LibDevmapper dm(/*udev_sync=*/false);
  PosixFiles files;
  RealClock clock;
  ThreadPool pool(kCheckThreads);
  Env env{*sysfs, udev, scsi, dm, files, clock, pool, *log, FilePaths{}, true};
  PoolWorker worker(pool,
                    [&main_loop](std::function<void()> then) { main_loop.Post(std::move(then)); });
  Daemon daemon(env, worker,
                {.bindings_read_only = o.bindings_read_only,
                 .verbosity = o.verbosity,
                 .on_config = [&log](const Config& c) { RaiseFdsLimit(c, *log); }});

  auto uevents = OpenUeventSource();
  if (uevents.ok()) {
    UeventSource* source = uevents->get();
    (void)main_loop.Watch(source->fd(), EPOLLIN, [source, &daemon](uint32_t) {
      for (const Uevent& ev : source->Receive()) daemon.OnUevent(ev);
    });
    log->Info(std::string("uevents from ") + source->origin());
  } else {
    log->Warning("no uevents: " + uevents.error().message + "; paths added later are not seen");
  }

  ControlServer server(
      std::move(listen).value(),
      {.show = [&daemon,
                &sysfs](const CliCommand& c) { return RenderShow(*daemon.snapshot(), c, *sysfs); },
       .run_on_loop = [&main_loop](std::function<void()> work) { main_loop.Post(std::move(work)); },
       .act =
           [&daemon, &main_loop](const CliCommand& c) {
             std::string reply = daemon.Handle(c);
             if (daemon.stop_requested()) {
               // Let the reply leave before the loop ends.
               main_loop.At(main_loop.Now() + std::chrono::milliseconds(200),
                            [&main_loop] { main_loop.Stop(); });
             }
             return reply;
           },
       .version_line = kVersionLine});
  if (Status s = server.Start(); !s.ok()) {
    log->Error("control socket: " + s.error().message);
    return 1;
  }
  // Uevents are buffered and the socket answers ("configure") while the
  // maps are set up, as the reference's.
  if (Status s = daemon.Start(); !s.ok()) {
    log->Error("cannot start: " + s.error().message);
    return 1;
  }
  running = &daemon;
  (void)files.Write(o.pid_file, std::to_string(CurrentPid()) + "\n");
  std::unique_ptr<MetricsFileWriter> metrics;
  if (!o.metrics.dir.empty()) {
    auto file = std::make_unique<MetricsFile>(o.metrics.dir, *log);
    log->Info("metrics textfile " + file->path() + " every " + std::to_string(o.metrics.interval) +
              " s");
    metrics = std::make_unique<MetricsFileWriter>(
        std::move(file), [&daemon] { return daemon.snapshot(); },
        std::chrono::seconds(o.metrics.interval));
  }
  ScheduleTick(main_loop, daemon, WatchdogInterval(), clock.Now());
  (void)SdNotify("READY=1\nSTATUS=up");
  log->Notice("multipathd: ready, monitoring " + std::to_string(daemon.snapshot()->paths.size()) +
              " paths in " + std::to_string(daemon.snapshot()->maps.size()) + " maps");

  if (Status s = main_loop.Run(); !s.ok()) log->Error(s.error().message);
  (void)SdNotify("STOPPING=1");
  metrics.reset();
  server.Stop();
  daemon.Shutdown();
  (void)files.Remove(o.pid_file);
  log->Notice("multipathd: shut down");
  return 0;
}

}  // namespace mpx
