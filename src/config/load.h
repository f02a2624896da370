// LoadConfig: reads multipath.conf and its drop-in directory and parses them.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "config/parser.h"

namespace mpx {

inline constexpr const char* kDefaultConfigFile = "/etc/multipath.conf";
inline constexpr const char* kDefaultConfigDir = "/etc/multipath/conf.d";

// The built-in hardware table (the reference's hwtable.c): empty for now.
std::vector<DeviceEntry> BuiltinHardwareTable();

// Reads `path`, then every regular file named *.conf in `conf_dir` in byte
// order of the name (the reference's scandir + alphasort in the C locale), and
// parses them as one config (ParseConfig), with the built-in hardware table.
// A missing file or directory is not an error: the reference runs with
// built-ins then. Any other read error is.
Result<ParsedConfig> LoadConfig(const std::string& path, const std::string& conf_dir);

// The drop-in file names LoadConfig reads, in order (full paths).
Result<std::vector<std::string>> ListDropIns(const std::string& conf_dir);

}  // namespace mpx
