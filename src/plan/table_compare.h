// Comparing a wanted table with the one the kernel holds. The kernel does not
// echo tables verbatim (policy/dm_table.h lists how), so both sides are put
// into a canonical form first; what is left is a real difference.
#pragma once

#include <string>

#include "model/dm_table.h"

namespace mpx {

// Feature units sorted ("pg_init_retries 50" is one unit), the initial group
// dropped (it follows switch_group), per-path args cut to the repeat count
// with counts above 1 as 1 (request-based selectors use 1).
DmTable CanonicalTable(DmTable t);

bool SameTable(const DmTable& wanted, const DmTable& current);

// A word diff of the two tables as the kernel would print them, git
// --word-diff style: "... service-time 0 [-1-]{+2+} 1 8:16 1 {+8:32 1+}".
// Equal tables give the line unchanged.
std::string TableWordDiff(const DmTable& current, const DmTable& wanted);

}  // namespace mpx
