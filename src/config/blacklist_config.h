// BuildBlacklist: multipath.conf's blacklist and blacklist_exceptions
// sections, plus each device entry's product_blacklist, as a Blacklist.
#pragma once

#include "base/result.h"
#include "config/config.h"
#include "policy/blacklist.h"

namespace mpx {

// User entries first, then product_blacklist entries (the built-in table,
// then user devices; a vendor/product pair once), then the compiled-in rules,
// the order the reference lists them. Patterns were checked by the parser; an error is not
// expected.
Result<Blacklist> BuildBlacklist(const Config& config);

}  // namespace mpx
