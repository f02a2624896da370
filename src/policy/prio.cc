#include "policy/prio.h"

namespace mpx {

int AluaStatePriority(std::string_view s) {
  if (s == "active/optimized") return 50;
  if (s == "active/non-optimized") return 10;
  if (s == "lba-dependent") return 5;
  if (s == "standby") return 1;
  return 0;
}

std::string_view PrioritizerName(const Path& p) { return p.alua_state.empty() ? "const" : "sysfs"; }

int PathPriority(const Path& p) {
  return p.alua_state.empty() ? 1 : AluaStatePriority(p.alua_state);
}

}  // namespace mpx
