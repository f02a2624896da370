// The weightedpath prioritizer: the priority of the first prio_args rule
// whose regex matches the path's H:C:T:L, device name, serial or FC names.
#pragma once

#include <string>

#include "checker/prio_args.h"
#include "checker/prioritizer.h"

namespace mpx {

// The names the "wwn" key matches: "host_wwnn:host_wwpn:target_wwnn:target_wwpn".
// Host names and the target port name exist for FC paths only ("[undef]"
// otherwise, "[unknown]" when sysfs lacks them); the target node name is the
// path's (FC node name, iSCSI target name, SAS address), "[undef]" if none.
std::string WeightedPathWwn(const Sysfs* sysfs, const Path& path);

// The rules against `subject`: the first regex (POSIX extended, unanchored;
// ones that do not compile are skipped) that matches gives its priority;
// none matching gives 0.
int WeightedPathPriority(const WeightedPathArgs& args, const std::string& subject);

PrioResult WeightedPathPrio(const PrioRequest& request);

}  // namespace mpx
