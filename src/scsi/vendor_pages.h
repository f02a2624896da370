// Vendor-specific INQUIRY data the hardware-dependent checkers and
// prioritizers read, decoded as the reference (multipath-tools 0.9.4) reads
// them. Pure; no I/O. Replies are untrusted: every decoder takes any number
// of bytes, and bytes the device did not send read as zero, as they do in
// the reference's zeroed buffers.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>

namespace mpx::scsi {

// EMC CLARiiON/VNX/Unity VPD page 0xC0, the "unit path report" (emc_clariion
// checker, emc prioritizer).
struct ClariionUnitPath {
  uint8_t page_code = 0;          // byte 1: 0xC0
  uint8_t lun_state = 0;          // byte 4: 0 unbound or LUNZ, 1 bound, 2 owned (active path)
  uint8_t default_owner = 0;      // byte 5: the SP that owns the LU by default
  uint8_t path_sp = 0;            // byte 8: the SP this path leads to
  uint8_t page_revision = 0;      // byte 9: 0 is the format known here
  std::array<uint8_t, 16> wwn{};  // bytes 10-25: the LU's WWN
  uint8_t initiator_type = 0;     // byte 27: 3 expected
  uint8_t failover_mode = 0;      // byte 28 bits 0-2: 4 or 6 expected
  bool arraycommpath = false;     // byte 30 bit 2: must be set
  uint8_t lun_operations = 0;     // byte 48: 0 for normal operations

  bool KnownFormat() const { return page_code == 0xc0 && page_revision == 0; }
  // Initiator type 3, failover mode 4 or 6 and arraycommpath: what the
  // reference calls "correctly configured for failover".
  bool ConfiguredForFailover() const {
    return initiator_type == 3 && (failover_mode == 4 || failover_mode == 6) && arraycommpath;
  }
};
ClariionUnitPath DecodeClariionPage(std::span<const uint8_t> page);

// LSI/Engenio/NetApp E-Series VPD page 0xC9, "volume access control" (rdac
// checker and prioritizer, detect_checker).
struct RdacVolumeAccess {
  uint8_t peripheral = 0;          // byte 0: qualifier (bits 7-5) and device type
  uint8_t page_code = 0;           // byte 1: 0xC9
  uint8_t page_length = 0;         // byte 3: 0x2C
  std::array<char, 4> id{};        // bytes 4-7: "vac1"
  uint8_t avtcvp = 0;              // byte 8: bit 0 owner (current volume path), bit 4 TPG
                                   // data enabled, bit 5 I/O shipping
  uint8_t preferred = 0;           // byte 9 bits 0-3: 1 primary path, 2 secondary
  uint8_t alua_state = 0;          // byte 10 bits 0-3: this port's ALUA state
  uint8_t unavailable_reason = 0;  // byte 11: why the port group is unavailable
  uint8_t alt_alua_state = 0;      // byte 12 bits 0-3: the other controller's

  // Qualifier 001 or a device type other than 0: no LU behind this path.
  bool LunConnected() const { return (peripheral & 0xe0) != 0x20 && (peripheral & 0x7f) == 0; }
  bool Owner() const { return (avtcvp & 0x01) != 0; }
  bool TpgDataEnabled() const { return (avtcvp & 0x10) != 0; }
  bool IoShipping() const { return (avtcvp & 0x20) != 0; }
  // Page 0xC9 with "vac" at bytes 4-6: the rdac prioritizer's format check.
  bool KnownFormat() const {
    return page_code == 0xc9 && page_length == 0x2c && id[0] == 'v' && id[1] == 'a' && id[2] == 'c';
  }
};
RdacVolumeAccess DecodeRdacPage(std::span<const uint8_t> page);

// NetApp ONTAP "get volume attributes" reply (vendor command 0xC0, page
// 0x41) and VPD page 0xC1 (proxy information), for the ontap prioritizer.
enum class OntapTransport { kUnknown, kIscsiSoftware, kIscsiHardware };
struct OntapGva {
  bool signature_ok = false;                            // bytes 4-7 are 0a 98 0a 01
  uint32_t total_length = 0;                            // bytes 0-3, big-endian
  uint8_t page = 0;                                     // byte 8: 0x41
  OntapTransport transport = OntapTransport::kUnknown;  // bytes 12-: "ism_sw"/"iswt", "ism_sn"
};
OntapGva DecodeOntapGva(std::span<const uint8_t> reply);

struct OntapProxy {
  bool known_format = false;  // page 0xC1 with 0a 98 0a 00 c1 00 at bytes 8-13
  bool proxy = false;         // byte 19 bit 1: this is a proxy (partner) path
};
OntapProxy DecodeOntapProxyPage(std::span<const uint8_t> page);

// Hitachi AMS: the LDEV and controller in standard INQUIRY data (hds
// prioritizer). Empty when the device sent a NUL where the reference's
// "%.4s"/"%.1s" would stop.
struct HitachiInquiry {
  std::string ldev;  // bytes 44-47
  char ctrl = 0;     // byte 49, '0'-'9'
  char port = 0;     // byte 50
};
HitachiInquiry DecodeHitachiInquiry(std::span<const uint8_t> inquiry);

// DataCore SANsymphony: the SDS name in standard INQUIRY data, bytes
// 112-127, up to the first NUL (datacore prioritizer).
std::string DatacoreSdsName(std::span<const uint8_t> inquiry);

}  // namespace mpx::scsi
