// Selection: the effective value of each option for one map (its WWID) and
// the identity of its paths, and where the value came from.
//
// Precedence per option (multipath.conf(5), 0.9.4): the multipaths entry
// with this WWID > the overrides' protocol sections for the path's protocol
// (later first) > overrides > matching device entries (user entries, later
// ones first, then the built-in table, later ones first) > defaults > the
// compiled-in default (or one derived from another setting: resolve.cc's
// EffectiveDefault). A level counts only if the keyword is allowed there
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

// What the path reports: SCSI INQUIRY vendor, product (model) and revision,
// and its protocol as multipathd shows it ("scsi:fcp", "nvme:tcp", ...; ""
// when unknown: no protocol section applies then).
struct DeviceIdentity {
  std::string vendor;
  std::string product;
  std::string revision;
  std::string protocol;
};

// The value an option has where no section sets it: its compiled-in default,
// or, for polling_interval and max_polling_interval, one derived from the
// other (the reference: max is 4 x polling_interval; a max set alone makes
// polling_interval max / 4, at least 1). nullopt when it has none.
std::optional<Value> EffectiveDefault(Opt opt, const OptionSet& defaults);

class Selection {
 public:
  // Keeps a reference to `config`, which must outlive the Selection.
  Selection(const Config& config, const DeviceIdentity& id, std::string_view wwid);

  // The value of `opt` and its origin. Options only in defaults (polling
  // timing, find_multipaths, ...) are the same for every Selection, so
  // Selection(config, {}, "") answers them. For an Opt without a default
  // (vendor, wwid, alias, checker_timeout, dev_loss_tmo, ...) that nobody
  // set, value is "" and origin kInternal; use Find() for those.
  Effective Get(Opt opt) const;
  // Like Get, but nullopt when no level sets it and there is no compiled default.
  std::optional<Effective> Find(Opt opt) const;

  // The entries that apply, highest precedence first.
  const std::vector<const MultipathEntry*>& multipath_entries() const { return multipaths_; }
  const std::vector<const DeviceEntry*>& device_entries() const { return devices_; }

 private:
  const Config& config_;
  std::vector<const MultipathEntry*> multipaths_;
  std::vector<const ProtocolEntry*> protocols_;
  std::vector<const DeviceEntry*> devices_;
};

// How long a map retries with no usable path: no_path_retry x the defaults'
// polling_interval, in seconds, which its paths' dev_loss_tmo must outlast
// (multipath.conf(5)); nullopt when it retries no counted number of times
// (fail, queue). Used to set dev_loss_tmo and by --check-config.
std::optional<int64_t> RetrySeconds(const Config& config, const Selection& sel);

}  // namespace mpx
