// SyntheticSan: writes a sysfs tree shaped like scsi_debug's (hosts × LUNs,
// one path per host per LUN) for unit tests and benchmarks. Test support
// only; the product never links it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"

namespace mpx::testing {

// "sda", "sdb", ..., "sdz", "sdaa", ...: the kernel's disk names.
std::string SdName(size_t index);

// A VPD 0x83 page with an NAA 6 designator derived from `lun_id` and a
// target port group designator `tpg` (association: target port).
std::vector<uint8_t> Vpd83Naa6(uint64_t lun_id, int tpg);
// The WWID that page yields: "36" + 31 hex digits.
std::string Naa6Wwid(uint64_t lun_id);

struct SanShape {
  int hosts = 4;
  int luns = 8;
  uint64_t size_sectors = 16384;
  std::string vendor = "Linux";
  std::string model = "scsi_debug";
  // Write the binary `inquiry` attribute (TPGS implicit ALUA) beside the
  // text ones, as current kernels do; off to test the text fallback.
  bool inquiry_attr = true;
};

// 36 bytes of standard INQUIRY data for a disk with implicit ALUA.
std::string StandardInquiry(const std::string& vendor, const std::string& model);

// Writes root/sys/{devices,block,class/scsi_host,dev/block} for the shape.
// Path (h, l) is disk index h * luns + l; ALUA state: host % 3 as scsi_debug
// (active/optimized, active/non-optimized, standby); TPG = host + 1.
Status WriteSyntheticSan(const std::string& root, const SanShape& shape);

}  // namespace mpx::testing
