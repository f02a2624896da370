#include "kernel/scsi_io.h"

#include <fcntl.h>
#include <scsi/sg.h>
#include <sys/ioctl.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "base/unique_fd.h"

namespace mpx {
namespace {

constexpr uint8_t kInquiry = 0x12;
constexpr size_t kMaxVpd = 4096;

std::string StatusText(const sg_io_hdr& h, const uint8_t* sense) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "status 0x%x host 0x%x driver 0x%x sense key 0x%x asc 0x%x",
                h.status, h.host_status, h.driver_status, h.sb_len_wr > 2 ? sense[2] & 0xf : 0,
                h.sb_len_wr > 12 ? sense[12] : 0);
  return buf;
}

Result<UniqueFd> OpenNode(const std::string& devnode) {
  UniqueFd fd(::open(devnode.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  if (!fd.valid()) {
    int err = errno;
    return MakeError(devnode + ": cannot open: " + std::strerror(err), err);
  }
  return fd;
}

}  // namespace

Result<ScsiReply> SgIo::TestUnitReady(const std::string& devnode) {
  auto fd = OpenNode(devnode);
  if (!fd.ok()) return fd.error();
  uint8_t cdb[6] = {0x00, 0, 0, 0, 0, 0};
  uint8_t sense[32] = {};
  sg_io_hdr h{};
  h.interface_id = 'S';
  h.dxfer_direction = SG_DXFER_NONE;
  h.cmd_len = sizeof cdb;
  h.mx_sb_len = sizeof sense;
  h.cmdp = cdb;
  h.sbp = sense;
  h.timeout = timeout_ms_;
  if (::ioctl(fd->get(), SG_IO, &h) < 0) {
    int err = errno;
    return MakeError(devnode + ": SG_IO TEST UNIT READY: " + std::strerror(err), err);
  }
  ScsiReply r;
  r.status = h.status;
  r.host_status = h.host_status;
  r.driver_status = h.driver_status;
  r.sense.assign(sense, sense + h.sb_len_wr);
  return r;
}

Result<std::vector<uint8_t>> SgIo::InquiryVpd(const std::string& devnode, uint8_t page) {
  auto fd = OpenNode(devnode);
  if (!fd.ok()) return fd.error();
  std::vector<uint8_t> buf(kMaxVpd);
  uint8_t cdb[6] = {kInquiry, 1, page, static_cast<uint8_t>(kMaxVpd >> 8),
                    static_cast<uint8_t>(kMaxVpd & 0xff), 0};
  uint8_t sense[32] = {};
  sg_io_hdr h{};
  h.interface_id = 'S';
  h.dxfer_direction = SG_DXFER_FROM_DEV;
  h.cmd_len = sizeof cdb;
  h.mx_sb_len = sizeof sense;
  h.dxfer_len = static_cast<unsigned>(buf.size());
  h.dxferp = buf.data();
  h.cmdp = cdb;
  h.sbp = sense;
  h.timeout = timeout_ms_;
  if (::ioctl(fd->get(), SG_IO, &h) < 0) {
    int err = errno;
    char what[48];
    std::snprintf(what, sizeof what, ": SG_IO INQUIRY VPD page 0x%02x: ", page);
    return MakeError(devnode + what + std::strerror(err), err);
  }
  if ((h.info & SG_INFO_OK_MASK) != SG_INFO_OK) {
    return MakeError(devnode + ": INQUIRY VPD page failed: " + StatusText(h, sense), EIO);
  }
  int got = static_cast<int>(buf.size()) - h.resid;
  buf.resize(got > 0 ? static_cast<size_t>(got) : 0);
  return buf;
}

}  // namespace mpx
