// Reading the state files (bindings, wwids) through Files: a missing file
// reads as empty.
#pragma once

#include <string>

#include "base/result.h"
#include "kernel/files.h"
#include "state/wwids.h"

namespace mpx {

Result<std::string> ReadStateFile(const Files& files, const std::string& path);
// The wwids file parsed; unreadable (not missing) is an error.
Result<WwidsFile> LoadWwids(const Files& files, const std::string& path);

}  // namespace mpx
