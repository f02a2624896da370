#include "scsi/cdb.h"

namespace mpx::scsi {
namespace {

uint8_t Hi(uint16_t v) { return static_cast<uint8_t>(v >> 8); }
uint8_t Lo(uint16_t v) { return static_cast<uint8_t>(v & 0xff); }

}  // namespace

std::vector<uint8_t> TestUnitReadyCdb() { return std::vector<uint8_t>(6, 0); }

std::vector<uint8_t> InquiryCdb(bool evpd, uint8_t page, uint16_t allocation_length) {
  return {kOpInquiry,
          static_cast<uint8_t>(evpd ? 1 : 0),
          page,
          Hi(allocation_length),
          Lo(allocation_length),
          0};
}

std::vector<uint8_t> Read10Cdb(uint32_t lba, uint16_t blocks) {
  return {kOpRead10,
          0,
          static_cast<uint8_t>(lba >> 24),
          static_cast<uint8_t>(lba >> 16),
          static_cast<uint8_t>(lba >> 8),
          static_cast<uint8_t>(lba),
          0,
          Hi(blocks),
          Lo(blocks),
          0};
}

std::vector<uint8_t> ModeSense10Cdb(uint8_t page, uint8_t page_control, bool dbd,
                                    uint16_t allocation_length) {
  return {kOpModeSense10,
          static_cast<uint8_t>(dbd ? 0x08 : 0),
          static_cast<uint8_t>(((page_control & 0x3) << 6) | (page & 0x3f)),
          0,
          0,
          0,
          0,
          Hi(allocation_length),
          Lo(allocation_length),
          0};
}

std::vector<uint8_t> ModeSelect10Cdb(bool pf, bool sp, uint16_t parameter_list_length) {
  return {kOpModeSelect10,
          static_cast<uint8_t>((pf ? 0x10 : 0) | (sp ? 1 : 0)),
          0,
          0,
          0,
          0,
          0,
          Hi(parameter_list_length),
          Lo(parameter_list_length),
          0};
}

}  // namespace mpx::scsi
