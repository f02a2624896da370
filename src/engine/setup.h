// What most steps need first: the configuration (multipath.conf and conf.d)
// with its blacklist, and how paths are identified.
#pragma once

#include <string>

#include "base/logger.h"
#include "base/result.h"
#include "config/config.h"
#include "config/parser.h"
#include "discovery/discover.h"
#include "discovery/wwid.h"
#include "engine/env.h"
#include "model/settings.h"
#include "policy/blacklist.h"

namespace mpx {

struct Setup {
  ParsedConfig parsed;
  Blacklist blacklist;
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

// The udev property a path's WWID comes from, as the reference's
// select_getuid: the defaults' uid_attrs record whose type begins the path's
// kernel name ("sd:ID_SERIAL" for sdb), else uid_attribute by overrides >
// devices (vendor/product/revision) > defaults > ID_SERIAL.
std::string UidAttributeFor(const Config& config, const Path& path);

// The discovery environment over the env's kernel interfaces, identifying
// paths as `config` says. The config must outlive it.
WwidEnv MakeWwidEnv(const Env& env, const Config& config);
WwidEnv MakeWwidEnv(const Env& env, const Setup& setup);

// Every SCSI path on the machine, blacklisted or not (for --explain and
// --check-config, which judge the blacklist themselves).
DiscoveryResult DiscoverEveryPath(const Env& env, const Config& config);

}  // namespace mpx
