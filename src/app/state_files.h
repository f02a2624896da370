// Reading the state files (bindings, wwids): a missing file reads as empty.
#pragma once

#include <string>

#include "base/result.h"
#include "state/wwids.h"

namespace mpx {

Result<std::string> ReadStateFile(const std::string& path);
// The wwids file parsed; unreadable (not missing) is an error.
Result<WwidsFile> LoadWwids(const std::string& path);

}  // namespace mpx
