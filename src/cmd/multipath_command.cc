#include "cmd/multipath_command.h"

#include "app/create.h"
#include "app/flush.h"
#include "app/list.h"
#include "app/udev_answers.h"
#include "app/wwids_cmd.h"

namespace mpx {

CommandOutput RunMultipath(const MultipathOptions& o, Context& ctx) {
  switch (o.mode) {
    case MultipathMode::kList:
    case MultipathMode::kListCheck:
      return RunList(o, ctx);
    case MultipathMode::kFlush:
    case MultipathMode::kFlushAll:
      return RunFlush(o, ctx);
    case MultipathMode::kAddWwid:
    case MultipathMode::kRemoveWwid:
    case MultipathMode::kResetWwids:
      return RunWwidsCommand(o, ctx);
    case MultipathMode::kCheckPath:
    case MultipathMode::kUeventPath:
      return RunValidPath(o, ctx);
    case MultipathMode::kUsablePaths:
    case MultipathMode::kUeventUsable:
      return RunUsablePaths(o, ctx);
    case MultipathMode::kCreate:
      break;
  }
  return RunCreate(o, ctx);
}

}  // namespace mpx
