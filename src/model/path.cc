#include "model/path.h"

namespace mpx {

std::string Hctl::ToString() const {
  return std::to_string(host) + ":" + std::to_string(channel) + ":" + std::to_string(target) + ":" +
         std::to_string(lun);
}

std::string ProtocolName(const Path& p) {
  if (p.transport.empty()) return "scsi:unspec";
  return "scsi:" + (p.transport == "fc" ? std::string("fcp") : p.transport);
}

}  // namespace mpx
