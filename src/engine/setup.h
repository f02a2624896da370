// What most steps need first: the configuration (multipath.conf and conf.d)
// with its blacklist, and how paths are identified.
#pragma once

#include <string>

#include "base/logger.h"
#include "base/result.h"
#include "config/config.h"
#include "config/parser.h"
#include "discovery/wwid.h"
#include "engine/env.h"
#include "model/settings.h"
#include "policy/blacklist.h"

namespace mpx {

struct Setup {
  ParsedConfig parsed;
  Blacklist blacklist;
  std::string uid_attribute;                                 // the defaults' uid_attribute
  FindMultipaths find_multipaths = FindMultipaths::kStrict;  // the defaults'
  const Config& config() const { return parsed.config; }
};

// Reads and parses the configuration files named in `paths`. Errors (an
// unreadable file, a configuration the reference refuses) name file:line.
Result<Setup> LoadSetup(const Files& files, const FilePaths& paths);

// Logs the configuration's warnings, one "file:line: message" each. They are
// shown at every verbosity (logged at error level): the reference 0.9.4
// prints them while it reads its configuration, before -v (or the file's
// verbosity) applies, so even -v0 shows them (tests/reference/README.md).
void ReportConfigWarnings(const Setup& setup, Logger& log);

// The discovery environment over the env's kernel interfaces.
WwidEnv MakeWwidEnv(const Env& env, const Setup& setup);

}  // namespace mpx
