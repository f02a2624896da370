// Fuzzes the path checkers and prioritizers end to end: every checker and
// prioritizer of the tables runs against a device whose replies (status,
// sense, data, direct reads) come from the input, and the prio_args parsers
// read it as text. Replies from targets and prio_args from users are
// untrusted: nothing may crash, hang or read out of bounds, and verdicts
// stay in range.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "checker/checker.h"
#include "checker/prio_args.h"
#include "checker/prioritizer.h"
#include "scsi/vendor_pages.h"

namespace {

// Hands out the input's bytes; zeroes once it runs out.
class Stream {
 public:
  Stream(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  uint8_t Byte() { return pos_ < size_ ? data_[pos_++] : 0; }
  std::vector<uint8_t> Bytes(size_t n) {
    std::vector<uint8_t> out;
    while (out.size() < n && pos_ < size_) out.push_back(data_[pos_++]);
    return out;
  }
  bool empty() const { return pos_ >= size_; }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
};

// A device answering from the stream: every reply is 1 byte of flags, then
// status, host, sense and data as the flags ask.
class FuzzIo : public mpx::ScsiIo {
 public:
  explicit FuzzIo(Stream& s) : s_(s) {}
  mpx::Result<mpx::ScsiReply> Execute(const std::string& devnode,
                                      const mpx::ScsiCommand& cmd) override {
    if (cmd.timeout_ms == 0) std::abort();  // SG_IO would read 0 as its default
    return Reply(devnode, cmd.data_in);
  }
  mpx::Result<mpx::BlockRead> ReadFirstBlock(const std::string& devnode, unsigned) override {
    uint8_t flags = s_.Byte();
    if (flags == 0xff) return mpx::MakeError(devnode + ": fuzz", 5);
    mpx::BlockRead r;
    r.block_size = (flags & 1) ? 4096 : 512;
    r.bytes = (flags & 2) ? r.block_size : s_.Byte();
    r.timed_out = (flags & 4) != 0;
    r.elapsed = std::chrono::microseconds(s_.Byte() << (flags >> 4));
    return r;
  }
  mpx::Result<mpx::ScsiReply> CcissTestUnitReady(const std::string& devnode, unsigned) override {
    return Reply(devnode, 0);
  }
  mpx::Result<mpx::ScsiReply> TestUnitReady(const std::string& devnode) override {
    return Reply(devnode, 0);
  }
  mpx::Result<std::vector<uint8_t>> InquiryVpd(const std::string& devnode, uint8_t) override {
    return mpx::MakeError(devnode + ": unused", 5);
  }
  mpx::Result<std::vector<uint8_t>> ReportTargetPortGroups(const std::string& devnode) override {
    return mpx::MakeError(devnode + ": unused", 5);
  }

 private:
  mpx::Result<mpx::ScsiReply> Reply(const std::string& devnode, size_t data_in) {
    uint8_t flags = s_.Byte();
    if ((flags & 0x0f) == 0x0f) return mpx::MakeError(devnode + ": fuzz", flags >> 4);
    mpx::ScsiReply r;
    if (flags & 1) r.status = s_.Byte();
    if (flags & 2) r.host_status = s_.Byte();
    if (flags & 4) r.driver_status = s_.Byte();
    if (flags & 8) r.sense = s_.Bytes(s_.Byte() % 33);
    r.data = s_.Bytes(std::min<size_t>(data_in, s_.Byte() * 4u));
    r.elapsed = std::chrono::milliseconds(s_.Byte() * 100);
    return r;
  }
  Stream& s_;
};

// The vendor page decoders on the raw bytes (any length).
void Pages(std::span<const uint8_t> b) {
  (void)mpx::scsi::DecodeClariionPage(b).ConfiguredForFailover();
  (void)mpx::scsi::DecodeRdacPage(b).KnownFormat();
  (void)mpx::scsi::DecodeOntapGva(b);
  (void)mpx::scsi::DecodeOntapProxyPage(b);
  if (mpx::scsi::DecodeHitachiInquiry(b).ldev.size() > 4) std::abort();
  if (mpx::scsi::DatacoreSdsName(b).size() > 16) std::abort();
}

void Args(std::string_view text) {
  (void)mpx::ExclusivePrefBit(text);
  if (auto w = mpx::ParseWeightedPathArgs(text); w.ok()) {
    for (const auto& rule : w->rules) (void)mpx::AtoiPrefix(rule.second);
  }
  if (auto p = mpx::ParsePathLatencyArgs(text); p.ok()) {
    if (p->io_num < 20 || p->io_num > 200 || !(p->base_num >= 1.1 && p->base_num <= 10)) {
      std::abort();
    }
  }
  (void)mpx::ParseIetArgs(text);
  if (auto d = mpx::ParseDatacoreArgs(text); d.ok()) {
    if (d->timeout_ms < 500 || d->timeout_ms > 20000 || d->preferred_sds.size() < 2) std::abort();
  }
}

void Devices(Stream& s, std::string_view args) {
  FuzzIo io(s);
  mpx::CheckerMemory memory;
  memory.emc_inactive_snapshot = std::make_shared<std::atomic<bool>>(false);
  for (const mpx::CheckerEntry& e : mpx::Checkers()) {
    mpx::CheckResult r = mpx::RunChecker(e.name, io, "/dev/sdb", std::chrono::seconds(3), &memory);
    if (r.state != mpx::PathState::kUp && r.state != mpx::PathState::kDown &&
        r.state != mpx::PathState::kGhost && r.state != mpx::PathState::kShaky &&
        r.state != mpx::PathState::kUndef) {
      std::abort();
    }
  }
  mpx::Path p;
  p.dev = "sdb";
  p.devnode = "/dev/sdb";
  p.tpgs = s.Byte() & 3;
  if (s.Byte() & 1) p.tpg = s.Byte();
  mpx::PrioIo pio{io};
  for (const mpx::PrioritizerEntry& e : mpx::Prioritizers()) {
    // path_latency reads up to 200 times: cap the work per input.
    std::string_view a = e.name == "path_latency" ? "io_num=20 base_num=2" : args;
    (void)mpx::RunPrioritizer(e.name, a, pio, p, std::chrono::seconds(2));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte's low bit picks: prio_args text, or device replies
  // (after up to 64 bytes of args text, length in the rest of the byte).
  if ((data[0] & 1) == 0) {
    Args(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1));
    Pages({data + 1, size - 1});
    return 0;
  }
  size_t args_len = std::min<size_t>(data[0] >> 2, size - 1);
  std::string_view args(reinterpret_cast<const char*>(data + 1), args_len);
  Stream s(data + 1 + args_len, size - 1 - args_len);
  Devices(s, args);
  return 0;
}
