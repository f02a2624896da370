// Command descriptor blocks for the commands path checkers and prioritizers
// send (SPC-4, SBC-3). Pure; the transport is kernel/scsi_io.h.
#pragma once

#include <cstdint>
#include <vector>

namespace mpx::scsi {

inline constexpr uint8_t kOpTestUnitReady = 0x00;
inline constexpr uint8_t kOpInquiry = 0x12;
inline constexpr uint8_t kOpModeSelect10 = 0x55;
inline constexpr uint8_t kOpModeSense10 = 0x5a;
inline constexpr uint8_t kOpRead10 = 0x28;

// TEST UNIT READY (SPC-4 6.47): six zero bytes.
std::vector<uint8_t> TestUnitReadyCdb();

// INQUIRY (SPC-4 6.6): standard data (evpd false, page 0) or a VPD page.
std::vector<uint8_t> InquiryCdb(bool evpd, uint8_t page, uint16_t allocation_length);

// READ(10) (SBC-3 5.11) of `blocks` logical blocks from `lba`.
std::vector<uint8_t> Read10Cdb(uint32_t lba, uint16_t blocks);

// MODE SENSE(10) (SPC-4 6.14) of `page`; page_control 0 current values,
// 1 changeable; dbd: no block descriptors.
std::vector<uint8_t> ModeSense10Cdb(uint8_t page, uint8_t page_control, bool dbd,
                                    uint16_t allocation_length);

// MODE SELECT(10) (SPC-4 6.12); pf: pages as SPC formats them; sp: save them.
std::vector<uint8_t> ModeSelect10Cdb(bool pf, bool sp, uint16_t parameter_list_length);

}  // namespace mpx::scsi
