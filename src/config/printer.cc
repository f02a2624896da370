#include "config/printer.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "config/resolve.h"
#include "policy/blacklist.h"

namespace mpx {
namespace {

// `to` takes every setting of `from` it does not have: how the reference
// merges an earlier entry into a later one with the same key.
void FillFrom(OptionSet* to, const OptionSet& from) {
  for (size_t i = 0; i < kOptCount; ++i) {
    auto opt = static_cast<Opt>(i);
    if (to->Get(opt) == nullptr) {
      if (const Setting* s = from.Get(opt)) to->Set(opt, *s);
    }
  }
}

// Entries with equal keys merged into the last of them, at its place.
template <typename Key>
std::vector<OptionSet> MergeIntoLater(const std::vector<const OptionSet*>& entries, Key key) {
  std::vector<OptionSet> out;
  std::map<decltype(key(*entries.front())), size_t> at;
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    auto [pos, fresh] = at.emplace(key(**it), out.size());
    if (fresh) {
      out.push_back(**it);
    } else {
      FillFrom(&out[pos->second], **it);
    }
  }
  std::reverse(out.begin(), out.end());
  return out;
}

std::vector<OptionSet> Copies(const std::vector<const OptionSet*>& entries) {
  std::vector<OptionSet> out;
  out.reserve(entries.size());
  for (const OptionSet* o : entries) out.push_back(*o);
  return out;
}

std::optional<std::string> Field(const OptionSet& o, Opt opt) {
  const Setting* s = o.Get(opt);
  if (s == nullptr) return std::nullopt;
  return std::get<std::string>(s->value);
}

bool MatchesAny(const DeviceEntry& d, const std::vector<DeviceIdentity>& paths) {
  for (const DeviceIdentity& id : paths) {
    if (d.Matches(id.vendor, id.product, id.revision)) return true;
  }
  return false;
}

// The device entries to print; `present`: only those matching a present path.
std::vector<OptionSet> Devices(const Config& c, bool merged, const PresentDevices* present) {
  std::vector<const OptionSet*> all;
  auto add = [&](const std::vector<DeviceEntry>& list) {
    for (const DeviceEntry& d : list) {
      if (present == nullptr || MatchesAny(d, present->paths)) all.push_back(&d.options);
    }
  };
  if (merged) add(c.builtin_devices);
  add(c.devices);
  if (!merged) return Copies(all);
  return MergeIntoLater(all, [](const OptionSet& o) {
    return std::make_tuple(Field(o, Opt::kVendor), Field(o, Opt::kProduct),
                           Field(o, Opt::kRevision));
  });
}

std::vector<OptionSet> Protocols(const Config& c, bool merged) {
  std::vector<const OptionSet*> all;
  for (const ProtocolEntry& p : c.protocols) all.push_back(&p.options);
  if (!merged) return Copies(all);
  return MergeIntoLater(
      all, [](const OptionSet& o) { return std::get<int64_t>(o.Get(Opt::kProtocolType)->value); });
}

// The reference sorts its multipaths entries by WWID and merges those of one
// WWID, the later winning.
std::vector<OptionSet> Multipaths(const Config& c, bool merged, const PresentDevices* present) {
  std::vector<const OptionSet*> all;
  for (const MultipathEntry& m : c.multipaths) {
    bool shown = present == nullptr;
    for (size_t i = 0; !shown && i < present->maps.size(); ++i) {
      shown = present->maps[i].wwid == m.options.Text(Opt::kWwid);
    }
    if (shown) all.push_back(&m.options);
  }
  if (!merged) return Copies(all);
  std::vector<OptionSet> out =
      MergeIntoLater(all, [](const OptionSet& o) { return o.Text(Opt::kWwid); });
  std::stable_sort(out.begin(), out.end(), [](const OptionSet& a, const OptionSet& b) {
    return a.Text(Opt::kWwid) < b.Text(Opt::kWwid);
  });
  return out;
}

class Printer {
 public:
  explicit Printer(bool merged) : merged_(merged) {}

  void Line(int depth, const std::string& text) {
    out_.append(static_cast<size_t>(depth), '\t');
    out_ += text;
    out_ += '\n';
  }

  void Setting(int depth, Opt opt, const Value& v) {
    const Keyword& kw = KeywordFor(opt);
    Line(depth, std::string(kw.name) + " " + FormatValue(kw, v));
  }

  // The settings of one section in its print order.
  void Options(const OptionSet& o, Scope scope, int depth) {
    for (Opt opt : PrintOrder(scope)) {
      if (const mpx::Setting* s = o.Get(opt)) Setting(depth, opt, s->value);
    }
  }

  void Defaults(const OptionSet& d) {
    if (!merged_ && d.empty()) return;
    Line(0, "defaults {");
    for (Opt opt : PrintOrder(kInDefaults)) {
      if (const mpx::Setting* s = d.Get(opt)) {
        Setting(1, opt, s->value);
      } else if (merged_ && opt != Opt::kNoPathRetry) {
        // The reference leaves no_path_retry undefined where nothing sets it
        // (the features' queue_if_no_path decides then), and prints nothing;
        // Selection answers its "fail" with origin kInternal.
        if (auto v = EffectiveDefault(opt, d)) Setting(1, opt, *v);
      }
    }
    Line(0, "}");
  }

  void Entry(const char* name, const OptionSet& o, Scope scope, int depth) {
    Line(depth, std::string(name) + " {");
    Options(o, scope, depth + 1);
    Line(depth, "}");
  }

  // A blacklist section: each kind of entry in turn, the built-in one after
  // the user's; then devices: the user's, then every device entry's
  // product_blacklist (the built-in table's, then the user's). The reference
  // lists a repeated entry once.
  void Blacklist(const char* name, const BlacklistSection& b, Opt builtin_kind,
                 const char* builtin_pattern, const std::vector<OptionSet>& product_blacklists) {
    if (!merged_ && b.empty()) return;
    Line(0, std::string(name) + " {");
    std::set<std::pair<Opt, std::string>> items;
    auto item = [&](Opt kind, const std::string& pattern) {
      if (!merged_ || items.emplace(kind, pattern).second) Setting(1, kind, pattern);
    };
    for (Opt kind : PrintOrder(kInBlacklist)) {
      for (const BlacklistItem& i : b.items) {
        if (i.kind == kind) item(kind, i.pattern);
      }
      if (merged_ && kind == builtin_kind) item(kind, builtin_pattern);
    }
    std::set<std::pair<std::optional<std::string>, std::optional<std::string>>> devices;
    auto device = [&](const OptionSet& o) {
      if (!merged_ || devices.emplace(Field(o, Opt::kVendor), Field(o, Opt::kProduct)).second) {
        Entry("device", o, kInBlacklistDevice, 1);
      }
    };
    for (const BlacklistDevice& d : b.devices) device(d.options);
    for (const OptionSet& o : product_blacklists) device(o);
    Line(0, "}");
  }

  void Overrides(const OptionSet& o, const std::vector<OptionSet>& protocols) {
    if (!merged_ && o.empty() && protocols.empty()) return;
    Line(0, "overrides {");
    Options(o, kInOverrides, 1);
    for (const OptionSet& p : protocols) Entry("protocol", p, kInProtocol, 1);
    Line(0, "}");
  }

  void List(const char* section, const char* entry, const std::vector<OptionSet>& entries,
            Scope scope, bool print_empty) {
    if (entries.empty() && !print_empty) return;
    Line(0, std::string(section) + " {");
    for (const OptionSet& e : entries) Entry(entry, e, scope, 1);
    Line(0, "}");
  }

  // -T: the multipaths entries of the present maps, then a section for each
  // present map that has none (its name as a comment: a template to edit).
  void PresentMultipaths(const std::vector<OptionSet>& entries, const PresentDevices& present) {
    std::vector<const PresentDevices::Map*> bare;
    for (const PresentDevices::Map& m : present.maps) {
      bool has_entry = false;
      for (const OptionSet& e : entries) has_entry = has_entry || e.Text(Opt::kWwid) == m.wwid;
      if (!has_entry) bare.push_back(&m);
    }
    if (entries.empty() && bare.empty()) return;
    Line(0, "multipaths {");
    for (const OptionSet& e : entries) {
      // A present map's name follows as a comment, even after the entry's own
      // alias (the reference 0.9.4's multipath -T, in the lab).
      const PresentDevices::Map* map = nullptr;
      for (const PresentDevices::Map& m : present.maps) {
        if (e.Text(Opt::kWwid) == m.wwid) map = &m;
      }
      Line(1, "multipath {");
      Options(e, kInMultipath, 2);
      if (map != nullptr && map->name != map->wwid) {
        Line(2, "# alias " + FormatValue(KeywordFor(Opt::kAlias), map->name));
      }
      Line(1, "}");
    }
    for (const PresentDevices::Map* m : bare) {
      Line(1, "multipath {");
      Setting(2, Opt::kWwid, m->wwid);
      if (m->name != m->wwid) {
        Line(2, "# alias " + FormatValue(KeywordFor(Opt::kAlias), m->name));
      }
      Line(1, "}");
    }
    Line(0, "}");
  }

  std::string& out() { return out_; }

 private:
  bool merged_;
  std::string out_;
};

// The product_blacklist of each device entry, as blacklist device entries.
std::vector<OptionSet> ProductBlacklists(const std::vector<OptionSet>& devices) {
  std::vector<OptionSet> out;
  for (const OptionSet& d : devices) {
    const mpx::Setting* pb = d.Get(Opt::kProductBlacklist);
    if (pb == nullptr) continue;
    OptionSet o;
    o.Set(Opt::kVendor, *d.Get(Opt::kVendor));
    o.Set(Opt::kProduct, *pb);
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace

std::string PrintConfig(const Config& c, const PrintOptions& options) {
  const bool merged = options.merged;
  Printer p(merged);
  p.Defaults(c.defaults);
  const PresentDevices* present = merged && options.present ? &*options.present : nullptr;
  // The blacklist holds every entry's product_blacklist, present or not.
  p.Blacklist("blacklist", c.blacklist, Opt::kBlDevnode, kBuiltinDevnodeBlacklist,
              merged ? ProductBlacklists(Devices(c, merged, nullptr)) : std::vector<OptionSet>());
  p.Blacklist("blacklist_exceptions", c.blacklist_exceptions, Opt::kBlProperty,
              kBuiltinPropertyException, {});
  p.List("devices", "device", Devices(c, merged, present), kInDevice, merged);
  p.Overrides(c.overrides, Protocols(c, merged));
  if (present != nullptr) {
    p.PresentMultipaths(Multipaths(c, merged, present), *present);
  } else {
    p.List("multipaths", "multipath", Multipaths(c, merged, nullptr), kInMultipath, false);
  }
  return std::move(p.out());
}

}  // namespace mpx
