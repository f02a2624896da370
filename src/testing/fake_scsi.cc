#include "testing/fake_scsi.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>

namespace mpx::testing {
namespace {

std::string Hex(const std::vector<uint8_t>& cdb) {
  std::string s;
  char buf[4];
  for (uint8_t b : cdb) {
    std::snprintf(buf, sizeof buf, s.empty() ? "%02x" : " %02x", b);
    s += buf;
  }
  return s;
}

bool StartsWith(const std::vector<uint8_t>& cdb, const std::vector<uint8_t>& prefix) {
  return cdb.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), cdb.begin());
}

// The next reply of a script: the front, kept when it is the last.
Result<ScsiReply> Next(std::deque<Result<ScsiReply>>& q) {
  Result<ScsiReply> r = q.front();
  if (q.size() > 1) q.pop_front();
  return r;
}

}  // namespace

ScsiReply DataReply(std::vector<uint8_t> data) {
  ScsiReply r;
  r.data = std::move(data);
  return r;
}

ScsiReply CheckCondition(uint8_t key, uint8_t asc, uint8_t ascq) {
  ScsiReply r;
  r.status = 0x02;
  r.sense = {0x70, 0, key, 0, 0, 0, 0, 10, 0, 0, 0, 0, asc, ascq, 0, 0, 0, 0};
  return r;
}

ScsiReply HostError(uint16_t host_status) {
  ScsiReply r;
  r.host_status = host_status;
  return r;
}

void FakeScsiIo::On(std::vector<uint8_t> prefix, std::vector<Result<ScsiReply>> replies,
                    const std::string& devnode) {
  std::lock_guard lock(mu_);
  std::erase_if(scripts_,
                [&](const Script& s) { return s.prefix == prefix && s.devnode == devnode; });
  scripts_.push_back({std::move(prefix), devnode, {replies.begin(), replies.end()}});
}

void FakeScsiIo::OnRead(std::vector<Result<BlockRead>> reads) {
  std::lock_guard lock(mu_);
  reads_.assign(reads.begin(), reads.end());
}

void FakeScsiIo::OnCciss(Result<ScsiReply> reply) {
  std::lock_guard lock(mu_);
  cciss_ = std::move(reply);
}

std::vector<FakeScsiIo::Sent> FakeScsiIo::sent() const {
  std::lock_guard lock(mu_);
  return sent_;
}

size_t FakeScsiIo::Count(const std::vector<uint8_t>& prefix) const {
  std::lock_guard lock(mu_);
  return static_cast<size_t>(std::count_if(
      sent_.begin(), sent_.end(), [&](const Sent& s) { return StartsWith(s.cmd.cdb, prefix); }));
}

size_t FakeScsiIo::reads() const {
  std::lock_guard lock(mu_);
  return read_count_;
}

Result<ScsiReply> FakeScsiIo::Answer(const std::string& devnode, const std::vector<uint8_t>& cdb) {
  // The longest matching prefix wins; a node's own script over the common one.
  Script* best = nullptr;
  for (Script& s : scripts_) {
    if (!StartsWith(cdb, s.prefix) || (!s.devnode.empty() && s.devnode != devnode)) continue;
    if (best == nullptr || s.prefix.size() > best->prefix.size() ||
        (s.prefix.size() == best->prefix.size() && !s.devnode.empty())) {
      best = &s;
    }
  }
  if (best == nullptr) return MakeError(devnode + ": no reply scripted for " + Hex(cdb), EIO);
  return Next(best->replies);
}

Result<ScsiReply> FakeScsiIo::Execute(const std::string& devnode, const ScsiCommand& cmd) {
  std::lock_guard lock(mu_);
  sent_.push_back({devnode, cmd});
  Result<ScsiReply> r = Answer(devnode, cmd.cdb);
  if (r.ok() && r->data.size() > cmd.data_in) r->data.resize(cmd.data_in);
  return r;
}

Result<ScsiReply> FakeScsiIo::TestUnitReady(const std::string& devnode) {
  return Execute(devnode, ScsiCommand{TurKey(), 0, {}, 0});
}

Result<BlockRead> FakeScsiIo::ReadFirstBlock(const std::string& devnode, unsigned) {
  std::lock_guard lock(mu_);
  ++read_count_;
  if (reads_.empty()) return MakeError(devnode + ": no read scripted", EIO);
  Result<BlockRead> r = reads_.front();
  if (reads_.size() > 1) reads_.pop_front();
  return r;
}

Result<ScsiReply> FakeScsiIo::CcissTestUnitReady(const std::string&, unsigned) {
  std::lock_guard lock(mu_);
  return cciss_;
}

Result<std::vector<uint8_t>> FakeScsiIo::InquiryVpd(const std::string& devnode, uint8_t page) {
  std::lock_guard lock(mu_);
  auto r = Answer(devnode, VpdKey(page));
  if (!r.ok()) return r.error();
  if (!r->good()) return MakeError(devnode + ": INQUIRY failed", EIO);
  return r->data;
}

Result<std::vector<uint8_t>> FakeScsiIo::ReportTargetPortGroups(const std::string& devnode) {
  std::lock_guard lock(mu_);
  auto r = Answer(devnode, RtpgKey());
  if (!r.ok()) return r.error();
  if (!r->good()) return MakeError(devnode + ": REPORT TARGET PORT GROUPS failed", EIO);
  return r->data;
}

}  // namespace mpx::testing
