#include "checker/tur.h"

#include <cstdio>

#include "scsi/sense.h"

namespace mpx {

PathState InterpretTur(const ScsiReply& r) {
  if (r.host_status != 0) return PathState::kDown;
  if (r.status == 0 && r.driver_status == 0) return PathState::kUp;
  auto sense = scsi::DecodeSense(r.sense);
  if (!sense) return PathState::kDown;
  if (sense->key == 0x6) return PathState::kPending;  // unit attention: ask again
  if (sense->key == 0x2 && sense->asc == 0x04 && sense->ascq == 0x0b) return PathState::kGhost;
  return PathState::kDown;
}

PathState RunTurChecker(ScsiIo& io, const std::string& devnode, std::string* message) {
  for (int attempt = 0; attempt < 4; ++attempt) {
    auto reply = io.TestUnitReady(devnode);
    if (!reply.ok()) {
      if (message) *message = reply.error().message;
      return PathState::kDown;
    }
    PathState s = InterpretTur(reply.value());
    if (s == PathState::kPending) continue;
    if (message && s != PathState::kUp) {
      char buf[96];
      std::snprintf(buf, sizeof buf, "TUR status 0x%x host 0x%x driver 0x%x", reply->status,
                    reply->host_status, reply->driver_status);
      *message = devnode + ": " + buf;
    }
    return s;
  }
  if (message) *message = devnode + ": TUR: unit attention persists";
  return PathState::kDown;
}

}  // namespace mpx
