// Blacklist: which devices multipath leaves alone. Entries are POSIX extended
// regexes (unanchored; a leading '!' inverts), checked against the device
// node name, the WWID, the SCSI vendor/product, the udev property names and
// the transport protocol. Exceptions always win over entries.
// multipath.conf's blacklist sections become one of these through
// config/blacklist_config.h; BuiltIn() is the reference's compiled-in rules.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/posix_regex.h"
#include "base/result.h"

namespace mpx {

// The reference's compiled-in rules (libmultipath/blacklist.c setup_default_blist).
inline constexpr const char* kBuiltinDevnodeBlacklist = "!^(sd[a-z]|dasd[a-z]|nvme[0-9])";
inline constexpr const char* kBuiltinPropertyException = "(SCSI_IDENT_|ID_WWN)";

struct BlacklistEntry {
  Regex regex;
  std::string origin;         // "built-in", or "file:line" of the config entry
  bool default_rule = false;  // compiled in (show blacklist: "(default rule)")
};

// device { vendor product }: an unset field matches anything.
struct BlacklistDeviceEntry {
  std::optional<Regex> vendor;
  std::optional<Regex> product;
  std::string origin;
  // Not from a blacklist section: a device entry's product_blacklist (built-in
  // or the user's), which the reference lists as a default rule.
  bool default_rule = false;
};

class Blacklist {
 public:
  // The reference's compiled-in rules: only sd, dasd and nvme nodes; a device
  // needs a udev property matching "(SCSI_IDENT_|ID_WWN)".
  static Blacklist BuiltIn();
  // Appends the compiled-in rules (after user entries, as the reference does).
  void AddBuiltIns();

  Status AddDevnode(const std::string& pattern, std::string origin);
  Status AddDevnodeException(const std::string& pattern, std::string origin);
  Status AddWwid(const std::string& pattern, std::string origin);
  Status AddWwidException(const std::string& pattern, std::string origin);
  Status AddProperty(const std::string& pattern, std::string origin);
  Status AddPropertyException(const std::string& pattern, std::string origin);
  Status AddProtocol(const std::string& pattern, std::string origin);
  Status AddProtocolException(const std::string& pattern, std::string origin);
  // Empty vendor or product: that field is not checked. An entry with the
  // same vendor and product patterns as an earlier one is not added again.
  Status AddDevice(const std::string& vendor, const std::string& product, std::string origin,
                   bool default_rule = false);
  Status AddDeviceException(const std::string& vendor, const std::string& product,
                            std::string origin);

  // The reason a device node name is blacklisted, or nullopt when it is not.
  std::optional<std::string> CheckDevnode(const std::string& dev) const;
  std::optional<std::string> CheckWwid(const std::string& wwid) const;
  std::optional<std::string> CheckDevice(const std::string& vendor,
                                         const std::string& product) const;
  // protocol as the reference names it: "scsi:fcp", "scsi:iscsi", "nvme:tcp", ...
  std::optional<std::string> CheckProtocol(const std::string& protocol) const;
  // The udev property names of the device, in udev's order. The first name
  // matching an exception clears it, the first matching an entry blacklists it;
  // when none matches and property exceptions exist, the device is blacklisted
  // (the reference's "udev property missing") unless `missing_blacklists` is
  // false (the reference's rule when udev lacks the uid attribute: it could
  // not read the device, which must not blacklist it).
  std::optional<std::string> CheckProperties(const std::vector<std::string>& names,
                                             bool missing_blacklists = true) const;

  // The rules of one kind, in the order they are checked (show blacklist).
  enum class Kind { kDevnode, kProperty, kProtocol, kWwid };
  const std::vector<BlacklistEntry>& Entries(Kind kind, bool exceptions) const;
  const std::vector<BlacklistDeviceEntry>& Devices(bool exceptions) const {
    return exceptions ? device_except_ : device_;
  }

 private:
  static std::optional<std::string> Check(const std::vector<BlacklistEntry>& entries,
                                          const std::vector<BlacklistEntry>& exceptions,
                                          const std::string& what, const std::string& value);
  std::vector<BlacklistEntry> devnode_, devnode_except_, wwid_, wwid_except_;
  std::vector<BlacklistEntry> property_, property_except_, protocol_, protocol_except_;
  std::vector<BlacklistDeviceEntry> device_, device_except_;
};

}  // namespace mpx
