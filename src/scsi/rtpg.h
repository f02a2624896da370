// Decoding REPORT TARGET PORT GROUPS replies (SPC-4 6.36) and the ALUA
// priority the reference's alua prioritizer gives. Pure; bounded; every
// length is checked against the buffer (replies from targets are untrusted).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "base/result.h"

namespace mpx::scsi {

enum class AluaState : uint8_t {
  kActiveOptimized = 0x0,
  kActiveNonOptimized = 0x1,
  kStandby = 0x2,
  kUnavailable = 0x3,
  kLbaDependent = 0x4,
  kOffline = 0xe,
  kTransitioning = 0xf,
};

struct TargetPortGroup {
  uint16_t id = 0;
  AluaState state = AluaState::kUnavailable;
  bool preferred = false;
  std::vector<uint16_t> relative_ports;
};

// The CDB for REPORT TARGET PORT GROUPS with an allocation length.
std::vector<uint8_t> RtpgCdb(uint32_t allocation_length);

// Parses a reply (4-byte RETURN DATA LENGTH header; the extended header is
// recognised by its format bits). `*needed` (optional) gets the reply's full
// size so a caller can retry with a bigger buffer when it was cut short.
Result<std::vector<TargetPortGroup>> ParseRtpg(std::span<const uint8_t> reply,
                                               size_t* needed = nullptr);

// alua prioritizer: active/optimized 50, active/non-optimized 10,
// lba-dependent 5, standby 1, others 0; the preferred bit adds 80 except to
// an active/optimized group unless `exclusive_pref_bit`.
int AluaPriority(AluaState state, bool preferred, bool exclusive_pref_bit = false);

const char* AluaStateName(AluaState state);

}  // namespace mpx::scsi
