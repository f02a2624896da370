// Reading multipath.conf and its drop-in directory (through Files) and
// parsing them as one configuration.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "config/parser.h"
#include "kernel/files.h"

namespace mpx {

// Reads `path`, then every regular file named *.conf in `conf_dir` in byte
// order of the name (the reference's scandir + alphasort in the C locale), and
// parses them as one config (ParseConfig), with the built-in hardware table.
// A missing file or directory is not an error: the reference runs with
// built-ins then. Any other read error is.
Result<ParsedConfig> LoadConfig(const Files& files, const std::string& path,
                                const std::string& conf_dir);

// The drop-in files LoadConfig reads, in order (full paths).
Result<std::vector<std::string>> ListDropIns(const Files& files, const std::string& conf_dir);

}  // namespace mpx
