// Pure decoders for SCSI identity: VPD page 0x83 (Device Identification) and
// VPD page 0x80 (Unit Serial Number). No I/O: callers pass the page bytes as
// read from sysfs (`device/vpd_pg83`) or from an SG_IO INQUIRY.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace mpx::scsi {

// One designation descriptor of VPD page 0x83 (SPC-4 7.8.6.1).
struct Designator {
  uint8_t protocol_id = 0;  // byte 0 bits 7..4; meaningful only when piv is set
  bool piv = false;         // byte 1 bit 7
  uint8_t code_set = 0;     // 1 binary, 2 ASCII, 3 UTF-8
  uint8_t association = 0;  // 0 LUN, 1 target port, 2 target device, 3 reserved
  uint8_t type = 0;         // 0 vendor specific, 1 T10 vendor id, 2 EUI-64, 3 NAA,
                            // 4 rel tgt port, 5 TPG, 6 LU group, 7 MD5, 8 SCSI name
                            // string, 9 protocol specific, 0xa UUID
  size_t offset = 0;        // byte offset of the descriptor header in the page
  std::vector<uint8_t> id;  // the designator bytes, without the 4-byte header
};

// Splits page 0x83 into its descriptors. Strict: the buffer must hold the
// 4-byte header, page code 0x83, the whole page length, and every descriptor
// (header and body) must end within the page. Bytes after the page length are
// ignored (an SG_IO buffer may be larger than the page). Errors are EINVAL
// with the byte offset of the fault.
Result<std::vector<Designator>> ParseVpd83(std::span<const uint8_t> page);

// The WWID multipath-tools 0.9.4 derives itself from page 0x83 when udev has
// no ID_SERIAL (libmultipath discovery.c parse_vpd_pg83). Only LUN-associated
// designators count; best first: NAA 6, NAA 5, NAA 2, EUI-64, SCSI name
// string, T10 vendor id, NAA 3; the first of equal rank wins. Formatting:
//   NAA, EUI-64      "3" / "2" + lowercase hex of the whole designator
//   SCSI name string "2" (eui.) / "3" (naa.) lowercased, "8" (iqn.) as is,
//                    the 4-char prefix dropped, cut at the first NUL
//   T10 vendor id    "1" + text, each run of spaces -> "_", a trailing run dropped
// The result is at most 127 characters (the reference's WWID buffer).
// Like the reference, and unlike ParseVpd83, a descriptor running past the
// page end (or 1-3 stray bytes at the end) only ends the walk: the best
// designator before it is still used. The page header and length must be
// sound (the reference would read zeros past a short buffer; mpx refuses).
// Errors: EINVAL for a bad header or, with nothing usable before it, a
// descriptor past the page end; EINVAL when nothing is usable and some
// designator was malformed (e.g. NAA 5 of 4 bytes), naming the first one;
// ENODATA when the page simply has no usable designator.
Result<std::string> WwidFromVpd83(std::span<const uint8_t> page);

// The unit serial number of page 0x80, leading and trailing spaces removed,
// cut at the first NUL, at most 127 characters: what the reference stores as
// the path's serial (used by group_by_serial and the %z format). Note the
// reference never uses page 0x80 as a WWID: when page 0x83 gives none, the
// path has no WWID. ENODATA when the serial is empty, EINVAL when garbled.
Result<std::string> WwidFromVpd80(std::span<const uint8_t> page);

// Short name of a designator type for -v3 output, e.g. "NAA", "EUI-64",
// "T10 vendor id"; "reserved" for unknown values.
std::string_view DesignatorTypeName(uint8_t type);

}  // namespace mpx::scsi
