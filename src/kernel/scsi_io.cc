#include "kernel/scsi_io.h"

#include <fcntl.h>
#include <scsi/sg.h>
#include <sys/ioctl.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <span>

#include "base/unique_fd.h"

namespace mpx {
namespace {

constexpr uint8_t kInquiry = 0x12;
constexpr uint8_t kTestUnitReady = 0x00;
constexpr size_t kMaxVpd = 4096;

std::string StatusText(const ScsiReply& r) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "status 0x%x host 0x%x driver 0x%x sense key 0x%x asc 0x%x",
                r.status, r.host_status, r.driver_status, r.sense.size() > 2 ? r.sense[2] & 0xf : 0,
                r.sense.size() > 12 ? r.sense[12] : 0);
  return buf;
}

// Sends one command to `devnode`, reading into `data` (may be empty).
// `what` names the command in errors. `*received` gets the bytes transferred.
Result<ScsiReply> Send(const std::string& devnode, std::span<uint8_t> cdb, std::span<uint8_t> data,
                       unsigned timeout_ms, const char* what, size_t* received) {
  UniqueFd fd(::open(devnode.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  if (!fd.valid()) {
    int err = errno;
    return MakeError(devnode + ": cannot open: " + std::strerror(err), err);
  }
  uint8_t sense[32] = {};
  sg_io_hdr h{};
  h.interface_id = 'S';
  h.dxfer_direction = data.empty() ? SG_DXFER_NONE : SG_DXFER_FROM_DEV;
  h.cmd_len = static_cast<unsigned char>(cdb.size());
  h.mx_sb_len = sizeof sense;
  h.dxfer_len = static_cast<unsigned>(data.size());
  h.dxferp = data.empty() ? nullptr : data.data();
  h.cmdp = cdb.data();
  h.sbp = sense;
  h.timeout = timeout_ms;
  if (::ioctl(fd.get(), SG_IO, &h) < 0) {
    int err = errno;
    return MakeError(devnode + ": SG_IO " + what + ": " + std::strerror(err), err);
  }
  ScsiReply r;
  r.status = h.status;
  r.host_status = h.host_status;
  r.driver_status = h.driver_status;
  r.sense.assign(sense, sense + h.sb_len_wr);
  if (received != nullptr) {
    int got = static_cast<int>(data.size()) - h.resid;
    *received = got > 0 ? static_cast<size_t>(got) : 0;
  }
  return r;
}

}  // namespace

Result<ScsiReply> SgIo::TestUnitReady(const std::string& devnode) {
  uint8_t cdb[6] = {kTestUnitReady, 0, 0, 0, 0, 0};
  return Send(devnode, cdb, {}, timeout_ms_, "TEST UNIT READY", nullptr);
}

Result<std::vector<uint8_t>> SgIo::InquiryVpd(const std::string& devnode, uint8_t page) {
  std::vector<uint8_t> buf(kMaxVpd);
  uint8_t cdb[6] = {
      kInquiry, 1, page, static_cast<uint8_t>(kMaxVpd >> 8), static_cast<uint8_t>(kMaxVpd & 0xff),
      0};
  char what[32];
  std::snprintf(what, sizeof what, "INQUIRY VPD page 0x%02x", page);
  size_t got = 0;
  auto r = Send(devnode, cdb, buf, timeout_ms_, what, &got);
  if (!r.ok()) return r.error();
  if (r->status != 0 || r->host_status != 0 || r->driver_status != 0) {
    return MakeError(devnode + ": " + what + " failed: " + StatusText(r.value()), EIO);
  }
  buf.resize(got);
  return buf;
}

Result<std::vector<uint8_t>> SgIo::ReportTargetPortGroups(const std::string& devnode) {
  uint32_t len = 1024;
  for (int attempt = 0; attempt < 2; ++attempt) {
    std::vector<uint8_t> buf(len);
    uint8_t cdb[12] = {0xa3,
                       0x0a,
                       0,
                       0,
                       0,
                       0,
                       static_cast<uint8_t>(len >> 24),
                       static_cast<uint8_t>(len >> 16),
                       static_cast<uint8_t>(len >> 8),
                       static_cast<uint8_t>(len),
                       0,
                       0};
    size_t got = 0;
    auto r = Send(devnode, cdb, buf, timeout_ms_, "REPORT TARGET PORT GROUPS", &got);
    if (!r.ok()) return r.error();
    if (r->status != 0 || r->host_status != 0 || r->driver_status != 0) {
      return MakeError(devnode + ": REPORT TARGET PORT GROUPS failed: " + StatusText(r.value()),
                       EIO);
    }
    buf.resize(got);
    if (got < 4) return buf;
    uint32_t need =
        ((uint32_t{buf[0]} << 24) | (uint32_t{buf[1]} << 16) | (uint32_t{buf[2]} << 8) | buf[3]) +
        4;
    if (need <= got || need > 65536) return buf;  // complete, or let the parser refuse it
    len = need;
  }
  return MakeError(devnode + ": REPORT TARGET PORT GROUPS reply keeps growing", EIO);
}

}  // namespace mpx
