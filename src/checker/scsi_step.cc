#include "checker/scsi_step.h"

#include <algorithm>

namespace mpx {
namespace {

constexpr uint16_t kDidBusBusy = 0x02;
constexpr uint16_t kDidError = 0x07;
constexpr uint16_t kDidSoftError = 0x0b;
constexpr uint16_t kDidTransportDisrupted = 0x0e;
constexpr uint16_t kDriverSense = 0x08;

}  // namespace

unsigned Budget::LeftMs() const {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(left_).count();
  return static_cast<unsigned>(std::clamp<int64_t>(ms, 1, 0x7fffffff));
}

std::optional<uint8_t> ReplySenseKey(const ScsiReply& r) {
  const uint8_t status = r.status & 0x7e;
  if (status != kStatusCheckCondition && status != kStatusCommandTerminated &&
      (r.driver_status & 0xf) != kDriverSense) {
    return std::nullopt;
  }
  if (r.sense.size() <= 2) return std::nullopt;
  return static_cast<uint8_t>(((r.sense[0] & 0x2) != 0 ? r.sense[1] : r.sense[2]) & 0xf);
}

StrictSense ReadStrictSense(const std::vector<uint8_t>& s) {
  if (s.size() <= 3) return {};
  if (s[0] == 0x72 || s[0] == 0x73) return {static_cast<uint8_t>(s[1] & 0x0f), s[2], s[3]};
  const uint8_t code = s[0] & 0x7f;
  if (s.size() > 13 && (code == 0x70 || code == 0x71)) {
    return {static_cast<uint8_t>(s[2] & 0x0f), s[12], s[13]};
  }
  return {};
}

bool ReplyGood(const ScsiReply& r) {
  return (r.status & 0x7e) == 0 && r.host_status == 0 && r.driver_status == 0;
}

bool TransientHostError(const ScsiReply& r) {
  switch (r.host_status) {
    case kDidBusBusy:
    case kDidError:
    case kDidSoftError:
    case kDidTransportDisrupted:
      return true;
    default:
      return false;
  }
}

InquiryOutcome ClassifyInquiry(const ScsiReply& r) {
  if (ReplyGood(r)) return InquiryOutcome::kData;
  std::optional<uint8_t> key = ReplySenseKey(r);
  if (key == kSenseRecoveredError) return InquiryOutcome::kData;
  if (key == kSenseIllegalRequest) return InquiryOutcome::kUnsupported;
  return InquiryOutcome::kFailed;
}

}  // namespace mpx
