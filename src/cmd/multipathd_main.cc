// multipathd: with no command, the daemon that keeps the maps healthy
// (src/service); with one (`multipathd show paths`, -k"...", or -k for the
// prompt), its client.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <variant>
#include <vector>

#include "cmd/multipathd_client.h"
#include "cmd/multipathd_client_os.h"
#include "cmd/multipathd_options.h"
#include "engine/config_files.h"
#include "engine/env.h"
#include "kernel/files.h"
#include "service/multipathd.h"

namespace {

// A defaults setting of the configuration as an integer, or `fallback` when
// it is unset or the configuration cannot be read (the daemon reports that).
int64_t ConfiguredInt(const mpx::ParsedConfig* config, mpx::Opt opt, int64_t fallback) {
  if (config == nullptr) return fallback;
  const mpx::Setting* s = config->config.defaults.Get(opt);
  if (s == nullptr) return fallback;
  if (const auto* v = std::get_if<int64_t>(&s->value)) return *v;
  return fallback;
}

// The metrics textfile from the environment (mpx only: the reference's
// options have no room for it). A mistake is said on stderr and leaves the
// daemon running: without the file, or with the default interval.
mpx::MetricsFileOptions MetricsFromEnvironment() {
  mpx::MetricsFileOptions metrics;
  const char* dir = std::getenv("MPX_METRICS_TEXTFILE_DIR");
  if (dir == nullptr || *dir == '\0') return metrics;
  if (*dir != '/') {
    std::fprintf(stderr,
                 "multipathd: MPX_METRICS_TEXTFILE_DIR=%s: not an absolute directory; no metrics "
                 "textfile\n",
                 dir);
    return metrics;
  }
  metrics.dir = dir;
  if (const char* interval = std::getenv("MPX_METRICS_INTERVAL"); interval != nullptr) {
    auto seconds = mpx::ParseMetricsInterval(interval);
    if (seconds.ok()) {
      metrics.interval = *seconds;
    } else {
      std::fprintf(stderr, "multipathd: %s; every %d seconds instead\n",
                   seconds.error().message.c_str(), metrics.interval);
    }
  }
  return metrics;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  auto options = mpx::ParseMultipathdOptions(args);
  if (!options.ok()) {
    if (!options.error().message.empty()) {
      std::fprintf(stderr, "%s\n", options.error().message.c_str());
    }
    return 1;
  }
  if (options->ignored_n) std::fprintf(stderr, "%s\n", mpx::kIgnoredNWarning);
  mpx::PosixFiles files;
  mpx::FilePaths paths;
  auto config = mpx::LoadConfig(files, paths.config_file, paths.config_dir);
  const mpx::ParsedConfig* parsed = config.ok() ? &config.value() : nullptr;
  if (options->mode != mpx::MultipathdMode::kDaemon) {
    int timeout = static_cast<int>(
        ConfiguredInt(parsed, mpx::Opt::kUxsockTimeout, mpx::kDefaultUxsockTimeoutMs));
    return mpx::RunMultipathdClient(*options, timeout);
  }
  mpx::ServiceOptions service;
  service.foreground = options->foreground;
  service.timestamps = options->timestamps;
  service.verbosity =
      options->verbosity.value_or(static_cast<int>(ConfiguredInt(parsed, mpx::Opt::kVerbosity, 2)));
  service.bindings_read_only = options->bindings_read_only;
  service.metrics = MetricsFromEnvironment();
  return mpx::RunMultipathd(service);
}
