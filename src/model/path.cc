#include "model/path.h"

namespace mpx {

std::string Hctl::ToString() const {
  return std::to_string(host) + ":" + std::to_string(channel) + ":" + std::to_string(target) + ":" +
         std::to_string(lun);
}

std::string_view CheckerStateName(PathState s) {
  switch (s) {
    case PathState::kUp:
      return "ready";
    case PathState::kDown:
      return "faulty";
    case PathState::kGhost:
      return "ghost";
    case PathState::kShaky:
      return "shaky";
    case PathState::kPending:
      return "i/o pending";
    case PathState::kUndef:
      break;
  }
  return "undef";
}

std::string ProtocolName(const Path& p) {
  if (p.transport.empty()) return "scsi:unspec";
  return "scsi:" + (p.transport == "fc" ? std::string("fcp") : p.transport);
}

}  // namespace mpx
