// multipath --explain DEV|WWID|MAP: why mpx does what it does with a LUN.
// For each of its paths, every blacklist and exception rule checked (with
// where it comes from and whether it matched) and the one that decided; the
// find_multipaths verdict for its WWID; every effective map and path setting
// with its origin: `file:line` of the section that set it, the built-in
// device entry by vendor/product, or the compiled-in default. Text, or JSON
// with --json. Changes nothing.
#pragma once

#include <string>

#include "cli/command_output.h"
#include "engine/env.h"

namespace mpx {

struct ExplainRequest {
  std::string target;  // sdX, /dev/sdX, maj:min, a WWID, or a map name
  bool json = false;
};

CommandOutput RunExplain(const ExplainRequest& req, Env& env);

}  // namespace mpx
