// Selection: the effective value of each option for one map (its WWID) and
// the identity of its paths, and where the value came from.
//
// Precedence per option (libmultipath/propsel.c, 0.9.4): the multipaths entry
// with this WWID > overrides > matching device entries (user entries, later
// ones first, then the built-in table, later ones first) > defaults > the
// compiled-in default. A level counts only if the keyword is allowed there
// (e.g. path_checker is never taken from a multipaths entry). The reference
// applies all matching device entries, the later one winning per attribute
// (multipath.conf(5), "devices section"), and merges multipath entries with
// the same WWID the same way (config.c merge_mptable).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"

namespace mpx {

enum class Origin { kMultipaths, kOverrides, kDevices, kDefaults, kInternal };

// The reference's words for `multipath -v3`, e.g.
// "(setting: multipath.conf overrides section)". Devices (user or built-in)
// read "(setting: storage device configuration)", defaults
// "(setting: multipath.conf defaults/devices section)".
std::string_view OriginText(Origin origin);

struct Effective {
  Value value;
  Origin origin = Origin::kInternal;
  std::string where;  // "file:line", "built-in", or "" for compiled defaults

  int64_t number() const { return std::get<int64_t>(value); }
  const std::string& text() const { return std::get<std::string>(value); }
  bool yes() const { return number() != 0; }
  template <typename E>
  E as() const {
    return static_cast<E>(number());
  }
};

// What the path reports: SCSI INQUIRY vendor, product (model) and revision.
struct DeviceIdentity {
  std::string vendor;
  std::string product;
  std::string revision;
};

class Selection {
 public:
  // Keeps a reference to `config`, which must outlive the Selection.
  Selection(const Config& config, const DeviceIdentity& id, std::string_view wwid);

  // The value of `opt` and its origin. For an Opt without a compiled-in
  // default (vendor, wwid, alias, ...) that nobody set, value is "" and origin
  // kInternal; use Find() to tell.
  Effective Get(Opt opt) const;
  // Like Get, but nullopt when no level sets it and there is no compiled default.
  std::optional<Effective> Find(Opt opt) const;

  // The entries that apply, highest precedence first.
  const std::vector<const MultipathEntry*>& multipath_entries() const { return multipaths_; }
  const std::vector<const DeviceEntry*>& device_entries() const { return devices_; }

 private:
  const Config& config_;
  std::vector<const MultipathEntry*> multipaths_;
  std::vector<const DeviceEntry*> devices_;
};

}  // namespace mpx
