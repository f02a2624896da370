// SgIo::CcissTestUnitReady: TEST UNIT READY through the CCISS driver's
// pass-through ioctl, addressed to the logical volume behind the node, as
// the reference's cciss_tur checker sends it.
#include <fcntl.h>
#include <linux/cciss_ioctl.h>
#include <sys/ioctl.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "base/unique_fd.h"
#include "kernel/scsi_io.h"

namespace mpx {

Result<ScsiReply> SgIo::CcissTestUnitReady(const std::string& devnode, unsigned timeout_ms) {
  UniqueFd fd(::open(devnode.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  if (!fd.valid()) {
    int err = errno;
    return MakeError(devnode + ": cannot open: " + std::strerror(err), err);
  }
  LogvolInfo_struct lvi{};
  if (::ioctl(fd.get(), CCISS_GETLUNINFO, &lvi) != 0) {
    int err = errno;
    return MakeError(devnode + ": CCISS_GETLUNINFO: " + std::strerror(err), err);
  }
  IOCTL_Command_struct cic{};
  cic.LUN_info.LogDev.VolId = static_cast<unsigned>(lvi.LunID) & 0x3FFFFFFF;
  cic.LUN_info.LogDev.Mode = 0x01;  // logical volume addressing
  cic.Request.CDBLen = 6;           // TEST UNIT READY: all zeroes
  cic.Request.Type.Type = TYPE_CMD;
  cic.Request.Type.Attribute = ATTR_SIMPLE;
  cic.Request.Type.Direction = XFER_NONE;
  // The controller's timeout is in whole seconds (0: none, which the
  // reference used; mpx bounds it).
  cic.Request.Timeout = static_cast<HWORD>(std::clamp((timeout_ms + 999) / 1000, 1u, 65535u));
  if (::ioctl(fd.get(), CCISS_PASSTHRU, &cic) < 0) {
    int err = errno;
    return MakeError(devnode + ": CCISS_PASSTHRU: " + std::strerror(err), err);
  }
  ScsiReply r;
  r.status = cic.error_info.ScsiStatus;
  r.host_status = cic.error_info.CommandStatus;
  return r;
}

}  // namespace mpx
