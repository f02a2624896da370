// Writing a file atomically: a temporary file beside it, fsync, rename over
// the target, fsync of the directory. Readers see the old or the new content,
// never a mix; a crash leaves the old file.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace mpx {

// `mode` applies to a newly created file (an existing file's mode is kept).
// The file's directory is created (one level) when missing.
Status WriteFileAtomically(const std::string& path, std::string_view content, unsigned mode = 0644);

// The whole file, or an error naming it. ENOENT is reported as such so that
// callers can treat a missing state file as empty.
Result<std::string> ReadWholeFile(const std::string& path);

}  // namespace mpx
