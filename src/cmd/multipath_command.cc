#include "cmd/multipath_command.h"

#include "cli/check_config.h"
#include "cli/create.h"
#include "cli/explain.h"
#include "cli/flush.h"
#include "cli/list.h"
#include "cli/show_config.h"
#include "cli/udev_answers.h"
#include "cli/wwids_cmd.h"
#include "policy/grouping.h"

namespace mpx {
namespace {

CreateRequest ToCreate(const MultipathOptions& o) {
  CreateRequest r;
  r.dry_run = o.dry_run;
  r.diff = o.diff;
  r.force_reload = o.force_reload;
  r.ignore_wwids = o.ignore_wwids;
  r.bindings_read_only = o.bindings_read_only;
  r.allow_queueing = o.allow_queueing;
  if (o.grouping_policy) r.grouping = ParseGroupingPolicy(*o.grouping_policy);
  r.bindings_file = o.bindings_file;
  r.json = o.json;
  r.verbosity = o.verbosity;
  r.recorded_sysfs = o.recorded_sysfs();
  r.devices = o.devices;
  return r;
}

WwidsRequest::Op WwidsOp(MultipathMode m) {
  if (m == MultipathMode::kAddWwid) return WwidsRequest::Op::kAdd;
  if (m == MultipathMode::kRemoveWwid) return WwidsRequest::Op::kRemove;
  return WwidsRequest::Op::kReset;
}

}  // namespace

CommandOutput RunMultipath(const MultipathOptions& o, Env& env, const UeventEnv& uevent) {
  switch (o.mode) {
    case MultipathMode::kList:
    case MultipathMode::kListCheck:
      return RunList({.check = o.mode == MultipathMode::kListCheck,
                      .json = o.json,
                      .verbosity = o.verbosity,
                      .devices = o.devices},
                     env);
    case MultipathMode::kFlush:
    case MultipathMode::kFlushAll:
      return RunFlush({.all = o.mode == MultipathMode::kFlushAll,
                       .retries = o.flush_retries,
                       .verbosity = o.verbosity,
                       .maps = o.devices},
                      env);
    case MultipathMode::kAddWwid:
    case MultipathMode::kRemoveWwid:
    case MultipathMode::kResetWwids:
      return RunWwidsCommand({.op = WwidsOp(o.mode), .dry_run = o.dry_run, .devices = o.devices},
                             env);
    case MultipathMode::kCheckPath:
    case MultipathMode::kUeventPath:
      return RunValidPath({.from_uevent = o.mode == MultipathMode::kUeventPath,
                           .verbosity = o.verbosity,
                           .devices = o.devices,
                           .uevent = uevent},
                          env);
    case MultipathMode::kUsablePaths:
    case MultipathMode::kUeventUsable:
      return RunUsablePaths({.from_uevent = o.mode == MultipathMode::kUeventUsable,
                             .verbosity = o.verbosity,
                             .devices = o.devices,
                             .uevent = uevent},
                            env);
    case MultipathMode::kShowConfig:
    case MultipathMode::kShowPresent:
      return RunShowConfig(
          {.present_only = o.mode == MultipathMode::kShowPresent, .verbosity = o.verbosity}, env);
    case MultipathMode::kExplain:
      return RunExplain({.target = o.devices.front(), .json = o.json}, env);
    case MultipathMode::kCheckConfig:
      return RunCheckConfig({.file = o.devices.empty() ? "" : o.devices[0]}, env);
    case MultipathMode::kCreate:
      break;
  }
  return RunCreate(ToCreate(o), env);
}

}  // namespace mpx
