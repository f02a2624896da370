// PrintConfig: the config in multipath.conf syntax, as `multipath -t` prints
// it: tabs, one setting per line, text and names quoted, numbers bare, keyword
// table order within a section (the reference orders the defaults and
// multipath sections a little differently; the content is the same).
#pragma once

#include <string>

#include "config/config.h"

namespace mpx {

struct PrintOptions {
  // true: what `multipath -t` shows: every defaults keyword with its effective
  // value, the built-in blacklist entries and hardware table, empty sections.
  // false: only what the files set (parse → print → parse gives the same Config).
  bool merged = true;
};

std::string PrintConfig(const Config& config, const PrintOptions& options = {});

}  // namespace mpx
