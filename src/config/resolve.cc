#include "config/resolve.h"

namespace mpx {

std::string_view OriginText(Origin origin) {
  switch (origin) {
    case Origin::kMultipaths:
      return "(setting: multipath.conf multipaths section)";
    case Origin::kOverrides:
      return "(setting: multipath.conf overrides section)";
    case Origin::kDevices:
      return "(setting: storage device configuration)";
    case Origin::kDefaults:
      return "(setting: multipath.conf defaults/devices section)";
    case Origin::kInternal:
      break;
  }
  return "(setting: multipath internal)";
}

Selection::Selection(const Config& config, const DeviceIdentity& id, std::string_view wwid)
    : config_(config) {
  for (auto it = config.multipaths.rbegin(); it != config.multipaths.rend(); ++it) {
    if (it->options.Text(Opt::kWwid) == wwid) multipaths_.push_back(&*it);
  }
  for (const auto* list : {&config.devices, &config.builtin_devices}) {
    for (auto it = list->rbegin(); it != list->rend(); ++it) {
      if (it->Matches(id.vendor, id.product, id.revision)) devices_.push_back(&*it);
    }
  }
}

std::optional<Effective> Selection::Find(Opt opt) const {
  const Keyword& kw = KeywordFor(opt);
  auto from = [](const Setting* s, Origin o) { return Effective{s->value, o, s->where}; };
  if (kw.scopes & kInMultipath) {
    for (const MultipathEntry* m : multipaths_) {
      if (const Setting* s = m->options.Get(opt)) return from(s, Origin::kMultipaths);
    }
  }
  if (kw.scopes & kInOverrides) {
    if (const Setting* s = config_.overrides.Get(opt)) return from(s, Origin::kOverrides);
  }
  if (kw.scopes & kInDevice) {
    for (const DeviceEntry* d : devices_) {
      if (const Setting* s = d->options.Get(opt)) return from(s, Origin::kDevices);
    }
  }
  if (kw.scopes & kInDefaults) {
    if (const Setting* s = config_.defaults.Get(opt)) return from(s, Origin::kDefaults);
  }
  if (auto v = CompiledDefault(kw)) return Effective{std::move(*v), Origin::kInternal, ""};
  return std::nullopt;
}

Effective Selection::Get(Opt opt) const {
  auto e = Find(opt);
  if (e) return std::move(*e);
  return Effective{std::string(), Origin::kInternal, ""};
}

}  // namespace mpx
