#include "kernel/scsi_io.h"

#include <fcntl.h>
#include <scsi/sg.h>
#include <sys/ioctl.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <span>

#include "base/unique_fd.h"
#include "kernel/direct_read.h"

namespace mpx {
namespace {

constexpr uint8_t kInquiry = 0x12;
constexpr size_t kMaxVpd = 4096;

std::string StatusText(const ScsiReply& r) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "status 0x%x host 0x%x driver 0x%x sense key 0x%x asc 0x%x",
                r.status, r.host_status, r.driver_status, r.sense.size() > 2 ? r.sense[2] & 0xf : 0,
                r.sense.size() > 12 ? r.sense[12] : 0);
  return buf;
}

// Sends one command to `devnode`: reads into `in` or writes `out` (either
// may be empty). `what` names the command in errors. `*received` gets the
// bytes transferred into `in` (the residual count honoured).
Result<ScsiReply> Send(const std::string& devnode, std::span<const uint8_t> cdb,
                       std::span<uint8_t> in, std::span<const uint8_t> out, unsigned timeout_ms,
                       const std::string& what, size_t* received) {
  UniqueFd fd(::open(devnode.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  if (!fd.valid()) {
    int err = errno;
    return MakeError(devnode + ": cannot open: " + std::strerror(err), err);
  }
  uint8_t sense[32] = {};
  sg_io_hdr h{};
  h.interface_id = 'S';
  h.cmd_len = static_cast<unsigned char>(cdb.size());
  h.mx_sb_len = sizeof sense;
  if (!in.empty()) {
    h.dxfer_direction = SG_DXFER_FROM_DEV;
    h.dxfer_len = static_cast<unsigned>(in.size());
    h.dxferp = in.data();
  } else if (!out.empty()) {
    h.dxfer_direction = SG_DXFER_TO_DEV;
    h.dxfer_len = static_cast<unsigned>(out.size());
    h.dxferp = const_cast<uint8_t*>(out.data());  // the kernel only reads it
  } else {
    h.dxfer_direction = SG_DXFER_NONE;
  }
  h.cmdp = const_cast<uint8_t*>(cdb.data());  // the kernel only reads it
  h.sbp = sense;
  h.timeout = timeout_ms > 0 ? timeout_ms : 1;  // 0 would mean the driver's default
  if (::ioctl(fd.get(), SG_IO, &h) < 0) {
    int err = errno;
    return MakeError(devnode + ": SG_IO " + what + ": " + std::strerror(err), err);
  }
  ScsiReply r;
  r.status = h.status;
  r.host_status = h.host_status;
  r.driver_status = h.driver_status;
  r.sense.assign(sense, sense + h.sb_len_wr);
  r.elapsed = std::chrono::milliseconds(h.duration);
  if (received != nullptr) {
    int got = static_cast<int>(in.size()) - h.resid;
    *received = got > 0 ? static_cast<size_t>(got) : 0;
  }
  return r;
}

std::string CommandName(std::span<const uint8_t> cdb) {
  char buf[48];
  if (cdb.size() >= 3 && cdb[0] == kInquiry && (cdb[1] & 1) != 0) {
    std::snprintf(buf, sizeof buf, "INQUIRY VPD page 0x%02x", cdb[2]);
  } else {
    std::snprintf(buf, sizeof buf, "opcode 0x%02x", cdb.empty() ? 0 : cdb[0]);
  }
  return buf;
}

}  // namespace

SgIo::SgIo(unsigned timeout_ms)
    : timeout_ms_(timeout_ms), reads_(std::make_shared<DirectReads>()) {}

Result<ScsiReply> SgIo::Execute(const std::string& devnode, const ScsiCommand& cmd) {
  if (cmd.cdb.empty() || cmd.cdb.size() > 16 || cmd.data_in > (1u << 20) ||
      (cmd.data_in > 0 && !cmd.data_out.empty())) {
    return MakeError(devnode + ": invalid SCSI command", EINVAL);
  }
  std::vector<uint8_t> buf(cmd.data_in);
  size_t got = 0;
  auto r = Send(devnode, cmd.cdb, buf, cmd.data_out, cmd.timeout_ms, CommandName(cmd.cdb), &got);
  if (!r.ok()) return r;
  buf.resize(got);
  r->data = std::move(buf);
  return r;
}

Result<ScsiReply> SgIo::TestUnitReady(const std::string& devnode) {
  return Execute(devnode, ScsiCommand{std::vector<uint8_t>(6, 0), 0, {}, timeout_ms_});
}

Result<BlockRead> SgIo::ReadFirstBlock(const std::string& devnode, unsigned timeout_ms) {
  return reads_->Read(devnode, timeout_ms);
}

Result<std::vector<uint8_t>> SgIo::InquiryVpd(const std::string& devnode, uint8_t page) {
  std::vector<uint8_t> buf(kMaxVpd);
  uint8_t cdb[6] = {
      kInquiry, 1, page, static_cast<uint8_t>(kMaxVpd >> 8), static_cast<uint8_t>(kMaxVpd & 0xff),
      0};
  const std::string what = CommandName(cdb);
  size_t got = 0;
  auto r = Send(devnode, cdb, buf, {}, timeout_ms_, what, &got);
  if (!r.ok()) return r.error();
  if (!r->good()) {
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
    auto r = Send(devnode, cdb, buf, {}, timeout_ms_, "REPORT TARGET PORT GROUPS", &got);
    if (!r.ok()) return r.error();
    if (!r->good()) {
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
