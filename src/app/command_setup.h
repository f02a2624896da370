// What most commands do first: load the configuration (multipath.conf and
// conf.d) and its blacklist, and know how paths are identified.
#pragma once

#include <string>

#include "app/context.h"
#include "base/result.h"
#include "config/keywords.h"
#include "config/parser.h"
#include "discovery/wwid.h"
#include "policy/blacklist.h"

namespace mpx {

struct CommandSetup {
  ParsedConfig parsed;
  Blacklist blacklist;
  std::string uid_attribute;                                 // the defaults' uid_attribute
  FindMultipaths find_multipaths = FindMultipaths::kStrict;  // the defaults'
  const Config& config() const { return parsed.config; }
};

Result<CommandSetup> LoadCommandSetup(const Context& ctx);

// Adds the configuration's warnings to r.err, one "multipath: file:line:
// message" line each, at every verbosity: the reference 0.9.4 prints them
// while it reads its configuration, before -v (or the file's verbosity)
// applies, so even -v0 shows them (tests/reference/README.md).
void ReportConfigWarnings(const CommandSetup& setup, CommandOutput& r);

// The discovery environment over the context's kernel interfaces.
WwidEnv MakeWwidEnv(Context& ctx, const CommandSetup& setup);

// Adds "multipath: <msg>" to r.err and makes the exit code 1; returns r.
CommandOutput& Fail(CommandOutput& r, const std::string& msg);

// The reference's reminder (stderr, verbosity 2 and up) after creating,
// reloading or listing: multipath maps exist but no multipathd watches their
// paths, so a failed path is never reinstated.
void WarnIfNoDaemon(int verbosity, const Context& ctx, bool maps_exist, CommandOutput& r);

}  // namespace mpx
