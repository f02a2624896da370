// Discovery benchmark over synthetic sysfs trees (scsi_debug layout, 4 paths
// per LUN): wall time and peak memory of discovery + coalescing + map
// building, from 1,000 to 10,000 paths, to show how time grows. Prints
// figures; asserts nothing about speed.
//
// usage: mpx_discovery_bench [--max-paths N] [--runs R] [--dir DIR]
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "base/thread_pool.h"
#include "checker/prioritizer.h"
#include "discovery/discover.h"
#include "policy/coalesce.h"
#include "policy/topology.h"
#include "testing/synthetic_san.h"

namespace {

struct Sample {
  double seconds;
  long max_rss_kib;
};

// Runs discovery in a child so that each sample's peak memory is its own.
Sample RunOnce(const std::string& root, size_t expect_paths) {
  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    auto fs = mpx::DirSysfs::Open(root + "/sys");
    if (!fs.ok()) _exit(2);
    mpx::NoUdevDb udev;
    mpx::NoScsiIo scsi;
    mpx::WwidEnv env{fs.value(), udev, scsi};
    mpx::ThreadPool pool(std::clamp(std::thread::hardware_concurrency(), 2u, 16u) - 1);
    auto found = mpx::Discover(env, mpx::Blacklist::BuiltIn(), pool);
    size_t groups = 0;
    for (auto& p : found.paths) mpx::Prioritize(mpx::DetectPrio(p), scsi, p);
    for (const auto& c : mpx::Coalesce(found.paths))
      groups += mpx::BuildMap(c, found.paths).groups.size();
    _exit(found.paths.size() == expect_paths && groups == expect_paths ? 0 : 3);
  }
  int status = 0;
  struct rusage ru {};
  wait4(pid, &status, 0, &ru);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::fprintf(stderr, "discovery run failed (status %d)\n", status);
    std::exit(1);
  }
  return {secs, ru.ru_maxrss};
}

}  // namespace

int main(int argc, char** argv) {
  int max_paths = 10000, runs = 3;
  std::string base = "/dev/shm";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--max-paths")) max_paths = std::atoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--runs")) runs = std::atoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--dir")) base = argv[i + 1];
  }
  if (!std::filesystem::is_directory(base)) base = std::filesystem::temp_directory_path();
  std::printf("%8s %8s %10s %12s %12s\n", "paths", "luns", "median_s", "us_per_path",
              "peak_rss_MiB");
  double first_per_path = 0, last_per_path = 0;
  for (int paths = 1000; paths <= max_paths; paths = paths < 2000   ? 2000
                                                     : paths < 5000 ? 5000
                                                                    : paths + 5000) {
    std::string root =
        base + "/mpx-bench-" + std::to_string(getpid()) + "-" + std::to_string(paths);
    mpx::testing::SanShape shape{.hosts = 4, .luns = paths / 4};
    if (auto s = mpx::testing::WriteSyntheticSan(root, shape); !s.ok()) {
      std::fprintf(stderr, "%s\n", s.error().message.c_str());
      return 1;
    }
    std::vector<Sample> samples;
    for (int r = 0; r < runs; ++r) samples.push_back(RunOnce(root, static_cast<size_t>(paths)));
    std::sort(samples.begin(), samples.end(),
              [](auto& a, auto& b) { return a.seconds < b.seconds; });
    Sample med = samples[samples.size() / 2];
    double per_path = med.seconds * 1e6 / paths;
    if (first_per_path == 0) first_per_path = per_path;
    last_per_path = per_path;
    std::printf("%8d %8d %10.3f %12.1f %12.1f\n", paths, paths / 4, med.seconds, per_path,
                med.max_rss_kib / 1024.0);
    std::filesystem::remove_all(root);
  }
  std::printf("growth: time per path at the largest size / at 1000 paths = %.2f (1.0 = linear)\n",
              last_per_path / first_per_path);
  return 0;
}
