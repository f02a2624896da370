#include "config/resolve.h"

#include <algorithm>
#include <cstdint>

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

std::optional<Value> EffectiveDefault(Opt opt, const OptionSet& defaults) {
  auto number = [&](Opt o) -> std::optional<int64_t> {
    const Setting* s = defaults.Get(o);
    if (s == nullptr) return std::nullopt;
    return std::get<int64_t>(s->value);
  };
  if (opt == Opt::kPollingInterval) {
    if (auto max = number(Opt::kMaxPollingInterval)) return std::max<int64_t>(1, *max / 4);
  } else if (opt == Opt::kMaxPollingInterval) {
    // Only asked when max_polling_interval is not set: polling_interval's
    // own default is then not derived.
    auto polling = number(Opt::kPollingInterval);
    if (!polling) polling = std::get<int64_t>(*CompiledDefault(KeywordFor(Opt::kPollingInterval)));
    return std::min<int64_t>(UINT32_MAX, 4 * *polling);
  }
  return CompiledDefault(KeywordFor(opt));
}

namespace {

// The protocol type an entry names, as its text.
std::string_view TypeName(const ProtocolEntry& p) {
  const Setting* s = p.options.Get(Opt::kProtocolType);
  if (s == nullptr) return "";
  for (const NamedValue& nv : KeywordFor(Opt::kProtocolType).type->names) {
    if (nv.value == std::get<int64_t>(s->value)) return nv.name;
  }
  return "";
}

}  // namespace

Selection::Selection(const Config& config, const DeviceIdentity& id, std::string_view wwid)
    : config_(config) {
  for (auto it = config.multipaths.rbegin(); it != config.multipaths.rend(); ++it) {
    if (it->options.Text(Opt::kWwid) == wwid) multipaths_.push_back(&*it);
  }
  for (auto it = config.protocols.rbegin(); it != config.protocols.rend(); ++it) {
    if (!id.protocol.empty() && TypeName(*it) == id.protocol) protocols_.push_back(&*it);
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
  if (kw.scopes & kInProtocol) {
    // A protocol section is part of overrides; -v3 says so.
    for (const ProtocolEntry* p : protocols_) {
      if (const Setting* s = p->options.Get(opt)) return from(s, Origin::kOverrides);
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
  if (auto v = EffectiveDefault(opt, config_.defaults)) {
    return Effective{std::move(*v), Origin::kInternal, ""};
  }
  return std::nullopt;
}

Effective Selection::Get(Opt opt) const {
  auto e = Find(opt);
  if (e) return std::move(*e);
  return Effective{std::string(), Origin::kInternal, ""};
}

std::optional<int64_t> RetrySeconds(const Config& config, const Selection& sel) {
  const int64_t npr = sel.Get(Opt::kNoPathRetry).number();
  if (npr <= 0) return std::nullopt;
  return npr * Selection(config, {}, "").Get(Opt::kPollingInterval).number();
}

}  // namespace mpx
