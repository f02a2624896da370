// multipathd: with no command, the daemon that keeps the maps healthy
// (src/service); with one (`multipathd show paths`, -k"...", or -k for the
// prompt), its client.
#include <cstdio>
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
  return mpx::RunMultipathd(service);
}
