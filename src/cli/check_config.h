// multipath --check-config [FILE]: the configuration linted (config/lint.h)
// against the devices present: one "file:line: error|warning: message" line
// each, then the counts. Exit 1 on errors (or when the file cannot be read
// or the tools would refuse it), 0 with warnings only.
#pragma once

#include "cli/command_output.h"
#include "cli/requests.h"
#include "engine/env.h"

namespace mpx {

CommandOutput RunCheckConfig(const CheckConfigRequest& req, Env& env);

}  // namespace mpx
