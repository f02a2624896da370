// multipathd benchmark over fakes: the Daemon with N paths (4 per LUN) on a
// synthetic sysfs tree, FakeDeviceMapper and a SCSI fake whose TEST UNIT
// READY answers at once, checks on the daemon's real ThreadPool (as many
// threads as multipathd: 64) through PoolWorker, results handed back to this
// thread as multipathd's event loop does. Per size, in a child of its own:
//   - Start (discovery, checks, 1 map per LUN created) time and memory after
//     it (VmRSS, VmHWM);
//   - a full checker round (every path due; Tick until every result is
//     handled): wall and CPU seconds (all threads), median of the rounds;
//   - `show paths` and `show maps json` rendered from a snapshot: median and
//     p99 with the daemon idle;
//   - the same while a round runs in which 1% of the checks hang (their TUR
//     blocks until the end), rendered on another thread as the control
//     socket does; and how many of the round's other checks completed.
// Prints figures; asserts nothing about speed.
//
// usage: mpx_daemon_bench [--paths N[,N...]] [--rounds R] [--renders K]
//                         [--hang-permille P] [--pool-threads T] [--dir DIR]
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "base/logger.h"
#include "base/thread_pool.h"
#include "daemon/cli_command.h"
#include "daemon/daemon.h"
#include "daemon/show.h"
#include "engine/env.h"
#include "kernel/files.h"
#include "kernel/sysfs.h"
#include "kernel/udev.h"
#include "service/pool_worker.h"
#include "testing/fake_devmapper.h"
#include "testing/synthetic_san.h"

namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// Time that moves only when the bench says so; read from the pool's threads
// too, hence atomic.
class BenchClock : public mpx::Clock {
 public:
  mpx::MonoTime Now() const override { return mpx::MonoTime(now_.load()); }
  void SleepFor(mpx::MonoTime d) override { now_ += d.count(); }
  void AdvanceSeconds(int s) { now_ += int64_t{s} * 1000000; }

 private:
  std::atomic<int64_t> now_{1000000000};
};

// TEST UNIT READY is GOOD at once, except for the nodes (/dev/sdX) in `hung` while
// hanging is on: those block until Release(). No VPD or RTPG (priorities
// come from sysfs access_state). Thread-safe.
class BenchScsi : public mpx::ScsiIo {
 public:
  mpx::Result<mpx::ScsiReply> TestUnitReady(const std::string& node) override {
    std::unique_lock lock(mu_);
    if (hanging_ && hung_.count(node)) {
      ++blocked_;
      cv_.wait(lock, [this] { return !hanging_; });
      --blocked_;
    }
    return mpx::ScsiReply{};
  }
  mpx::Result<std::vector<uint8_t>> InquiryVpd(const std::string& d, uint8_t) override {
    return mpx::MakeError(d + ": no", EIO);
  }
  mpx::Result<std::vector<uint8_t>> ReportTargetPortGroups(const std::string& d) override {
    return mpx::MakeError(d + ": no", EIO);
  }
  void Hang(std::set<std::string> nodes) {
    std::lock_guard lock(mu_);
    hung_ = std::move(nodes);
    hanging_ = true;
  }
  void Release() {
    std::lock_guard lock(mu_);
    hanging_ = false;
    cv_.notify_all();
  }
  int blocked() {
    std::lock_guard lock(mu_);
    return blocked_;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::set<std::string> hung_;
  bool hanging_ = false;
  int blocked_ = 0;
};

// multipathd's event loop, reduced to what the bench needs: functions
// posted from any thread run on the thread that calls RunUntil.
class Loop {
 public:
  void Post(std::function<void()> f) {
    std::lock_guard lock(mu_);
    queue_.push_back(std::move(f));
    cv_.notify_one();
  }
  // Runs posted functions until `done()` or the deadline; false on timeout.
  bool RunUntil(const std::function<bool()>& done, Clock::time_point deadline) {
    while (!done()) {
      std::function<void()> f;
      {
        std::unique_lock lock(mu_);
        if (!cv_.wait_until(lock, deadline, [this] { return !queue_.empty(); })) return false;
        f = std::move(queue_.front());
        queue_.pop_front();
      }
      f();
    }
    return true;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;
};

// Counts the checks the daemon hands out (on the loop's thread) and the
// results handled.
class CountingWorker : public mpx::Worker {
 public:
  explicit CountingWorker(mpx::Worker& inner) : inner_(inner) {}
  void Run(std::function<void()> work, std::function<void()> then) override {
    ++started_;
    inner_.Run(std::move(work), [this, then = std::move(then)] {
      then();
      ++finished_;
    });
  }
  size_t started() const { return started_; }
  size_t finished() const { return finished_; }

 private:
  mpx::Worker& inner_;
  size_t started_ = 0, finished_ = 0;
};

struct Options {
  std::vector<int> sizes = {1000, 2500, 5000, 10000};
  int rounds = 3;
  int renders = 200;
  int hang_permille = 10;
  int pool_threads = 64;  // multipathd's kCheckThreads
  std::string dir = "/dev/shm";
};

double CpuSeconds() {
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  auto s = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return s(ru.ru_utime) + s(ru.ru_stime);
}

// VmRSS or VmHWM from /proc/self/status, MiB.
double StatusMiB(const std::string& key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key + ":", 0) == 0)
      return std::strtod(line.c_str() + key.size() + 1, nullptr) / 1024;
  }
  return 0;
}

struct Latency {
  double median_ms = 0, p99_ms = 0;
  size_t bytes = 0;
  int count = 0;
};

Latency Summarize(std::vector<double> secs, size_t bytes) {
  Latency l;
  if (secs.empty()) return l;
  std::sort(secs.begin(), secs.end());
  l.count = static_cast<int>(secs.size());
  l.median_ms = secs[secs.size() / 2] * 1e3;
  l.p99_ms = secs[std::min(secs.size() - 1, secs.size() * 99 / 100)] * 1e3;
  l.bytes = bytes;
  return l;
}

// Renders `line` from the daemon's current snapshot `n` times (at most
// ~10 s of rendering).
Latency RenderLatency(const mpx::Daemon& d, const mpx::Sysfs& sysfs, const std::string& line,
                      int n) {
  mpx::CliCommand c = mpx::ParseCliCommand(line).value();
  std::vector<double> secs;
  size_t bytes = 0;
  auto begin = Clock::now();
  for (int i = 0; i < n; ++i) {
    auto t = Clock::now();
    std::string out = mpx::RenderShow(*d.snapshot(), c, sysfs);
    secs.push_back(Since(t));
    bytes = out.size();
    if (Since(begin) > 10) break;
  }
  return Summarize(std::move(secs), bytes);
}

struct Row {
  int paths = 0, maps = 0;
  double start_s = 0, rss_mib = 0, hwm_mib = 0;
  double round_wall_s = 0, round_cpu_s = 0;
  Latency paths_idle, json_idle, paths_hang, json_hang;
  size_t hang_healthy = 0, hang_healthy_done = 0, hung = 0;
  double hang_wait_s = 0;
};

void Fail(const std::string& what) {
  std::fprintf(stderr, "daemon bench: %s\n", what.c_str());
  std::fflush(stderr);
  _exit(1);
}

void Print(const Row& r);

// Everything for one size, printed; runs in a child so that memory figures
// are its own, and ends it without teardown (hung checks hold pool threads,
// and the pool's last tasks would post to a loop no one runs).
[[noreturn]] void MeasureAndExit(const Options& o, int paths) {
  Row row;
  row.paths = paths;
  const std::string root =
      o.dir + "/mpx-daemon-bench-" + std::to_string(getpid()) + "-" + std::to_string(paths);
  if (auto s = mpx::testing::WriteSyntheticSan(root, {.hosts = 4, .luns = paths / 4}); !s.ok()) {
    Fail(s.error().message);
  }
  std::filesystem::create_directories(root + "/etc/multipath");
  std::ofstream(root + "/etc/multipath.conf")
      << "defaults {\n user_friendly_names yes\n find_multipaths greedy\n polling_interval 5\n}\n";
  auto sysfs = mpx::DirSysfs::Open(root + "/sys");
  if (!sysfs.ok()) Fail(sysfs.error().message);
  mpx::NoUdevDb udev;
  BenchScsi scsi;
  mpx::FakeDeviceMapper dm;
  mpx::PosixFiles files;
  BenchClock clock;
  mpx::NullLogger log;
  mpx::FilePaths fp;
  fp.config_file = root + "/etc/multipath.conf";
  fp.config_dir = root + "/etc/multipath/conf.d";
  fp.bindings_file = root + "/etc/multipath/bindings";
  fp.wwids_file = root + "/etc/multipath/wwids";
  fp.lock_file = root + "/lock";
  fp.find_multipaths_dir = root + "/find_multipaths";
  Loop loop;  // outlives the pool: finished checks post to it
  mpx::ThreadPool pool(static_cast<size_t>(o.pool_threads));
  mpx::Env env{*sysfs, udev, scsi, dm, files, clock, pool, log, fp, true};
  mpx::PoolWorker pool_worker(pool, [&loop](std::function<void()> f) { loop.Post(std::move(f)); });
  CountingWorker worker(pool_worker);
  mpx::Daemon daemon(env, worker);

  auto t = Clock::now();
  if (auto s = daemon.Start(); !s.ok()) Fail("Start: " + s.error().message);
  row.start_s = Since(t);
  row.rss_mib = StatusMiB("VmRSS");
  row.hwm_mib = StatusMiB("VmHWM");
  row.maps = static_cast<int>(daemon.snapshot()->maps.size());
  if (static_cast<int>(daemon.snapshot()->paths.size()) != paths) Fail("not every path monitored");

  // Every path is due after the longest interval.
  const int step = daemon.max_polling_interval() + 1;
  auto round = [&](Clock::time_point deadline) {
    clock.AdvanceSeconds(step);
    const size_t before = worker.finished();
    const size_t started_before = worker.started();
    daemon.Tick();
    const size_t want = worker.started() - started_before;
    loop.RunUntil([&] { return worker.finished() - before >= want; }, deadline);
    return want;
  };
  // The first round settles the intervals; then the timed ones.
  round(Clock::now() + std::chrono::minutes(10));
  std::vector<std::pair<double, double>> rounds;
  for (int r = 0; r < o.rounds; ++r) {
    double cpu = CpuSeconds();
    t = Clock::now();
    size_t n = round(Clock::now() + std::chrono::minutes(10));
    if (n != static_cast<size_t>(paths)) Fail("a round checked " + std::to_string(n) + " paths");
    rounds.emplace_back(Since(t), CpuSeconds() - cpu);
  }
  std::sort(rounds.begin(), rounds.end());
  row.round_wall_s = rounds[rounds.size() / 2].first;
  row.round_cpu_s = rounds[rounds.size() / 2].second;

  row.paths_idle = RenderLatency(daemon, *sysfs, "show paths", o.renders);
  row.json_idle = RenderLatency(daemon, *sysfs, "show maps json", o.renders);

  // A round with hung checks, shows rendered meanwhile on another thread.
  std::set<std::string> hung;
  const int every = o.hang_permille > 0 ? 1000 / o.hang_permille : 0;
  for (int i = 0; every > 0 && i < paths; i += every)
    hung.insert("/dev/" + mpx::testing::SdName(static_cast<size_t>(i)));
  scsi.Hang(hung);
  row.hung = hung.size();
  std::atomic<bool> stop{false};
  std::vector<double> ps, js;
  size_t pbytes = 0, jbytes = 0;
  std::thread measured([&] {
    mpx::CliCommand pc = mpx::ParseCliCommand("show paths").value();
    mpx::CliCommand jc = mpx::ParseCliCommand("show maps json").value();
    while (!stop.load()) {
      auto t0 = Clock::now();
      pbytes = mpx::RenderShow(*daemon.snapshot(), pc, *sysfs).size();
      ps.push_back(Since(t0));
      t0 = Clock::now();
      jbytes = mpx::RenderShow(*daemon.snapshot(), jc, *sysfs).size();
      js.push_back(Since(t0));
    }
  });
  t = Clock::now();
  const size_t before = worker.finished();
  const size_t started_before = worker.started();
  clock.AdvanceSeconds(step);
  daemon.Tick();
  const size_t want = worker.started() - started_before;
  const size_t healthy = want - std::min(want, hung.size());
  // At least 20 s, so that the shows see the round, or until the healthy
  // checks are done if that takes longer (at most 120 s).
  loop.RunUntil([&] { return worker.finished() - before >= healthy && Since(t) > 20; },
                Clock::now() + std::chrono::seconds(120));
  row.hang_wait_s = Since(t);
  row.hang_healthy = healthy;
  row.hang_healthy_done = worker.finished() - before;
  stop = true;
  measured.join();
  row.paths_hang = Summarize(ps, pbytes);
  row.json_hang = Summarize(js, jbytes);
  scsi.Release();
  std::filesystem::remove_all(root);
  Print(row);
  _exit(0);
}

void Print(const Row& r) {
  std::printf(
      "%6d %5d %7.2f %7.1f %7.1f %8.3f %7.3f %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f %8.2f %5zu "
      "%6zu/%-6zu\n",
      r.paths, r.maps, r.start_s, r.rss_mib, r.hwm_mib, r.round_wall_s, r.round_cpu_s,
      r.paths_idle.median_ms, r.paths_idle.p99_ms, r.json_idle.median_ms, r.json_idle.p99_ms,
      r.paths_hang.median_ms, r.paths_hang.p99_ms, r.json_hang.median_ms, r.json_hang.p99_ms,
      r.hung, r.hang_healthy_done, r.hang_healthy);
  std::fflush(stdout);
}

std::vector<int> ParseSizes(const std::string& s) {
  std::vector<int> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ',')) out.push_back(std::atoi(item.c_str()));
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i], v = argv[i + 1];
    if (a == "--paths") o.sizes = ParseSizes(v);
    if (a == "--rounds") o.rounds = std::max(1, std::atoi(v.c_str()));
    if (a == "--renders") o.renders = std::max(1, std::atoi(v.c_str()));
    if (a == "--hang-permille") o.hang_permille = std::atoi(v.c_str());
    if (a == "--pool-threads") o.pool_threads = std::max(1, std::atoi(v.c_str()));
    if (a == "--dir") o.dir = v;
  }
  if (!std::filesystem::is_directory(o.dir)) o.dir = std::filesystem::temp_directory_path();
  std::printf("pool: %d threads; %d timed rounds; hang: %d per mille of the paths\n",
              o.pool_threads, o.rounds, o.hang_permille);
  std::printf("%6s %5s %7s %7s %7s %8s %7s %17s %17s %17s %17s %5s %13s\n", "", "", "start", "RSS",
              "HWM", "round", "round", "show paths ms", "maps json ms", "paths, hang ms",
              "json, hang ms", "hung", "healthy");
  std::printf("%6s %5s %7s %7s %7s %8s %7s %8s %8s %8s %8s %8s %8s %8s %8s %5s %13s\n", "paths",
              "maps", "s", "MiB", "MiB", "wall s", "cpu s", "median", "p99", "median", "p99",
              "median", "p99", "median", "p99", "", "checks done");
  for (int paths : o.sizes) {
    std::fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) MeasureAndExit(o, paths);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      std::fprintf(stderr, "the run with %d paths failed (status %d)\n", paths, status);
      return 1;
    }
  }
  return 0;
}
