#include "policy/prio.h"

namespace mpx {

int AluaStatePriority(std::string_view s) {
  if (s == "active/optimized") return 50;
  if (s == "active/non-optimized") return 10;
  if (s == "lba-dependent") return 5;
  if (s == "standby") return 1;
  return 0;
}

}  // namespace mpx
