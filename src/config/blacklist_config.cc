#include "config/blacklist_config.h"

namespace mpx {
namespace {

Status AddSection(const BlacklistSection& s, bool exceptions, Blacklist* b) {
  for (const BlacklistItem& i : s.items) {
    Status st;
    switch (i.kind) {
      case Opt::kBlDevnode:
        st = exceptions ? b->AddDevnodeException(i.pattern, i.where)
                        : b->AddDevnode(i.pattern, i.where);
        break;
      case Opt::kBlWwid:
        st = exceptions ? b->AddWwidException(i.pattern, i.where) : b->AddWwid(i.pattern, i.where);
        break;
      case Opt::kBlProperty:
        st = exceptions ? b->AddPropertyException(i.pattern, i.where)
                        : b->AddProperty(i.pattern, i.where);
        break;
      default:  // Opt::kBlProtocol
        st = exceptions ? b->AddProtocolException(i.pattern, i.where)
                        : b->AddProtocol(i.pattern, i.where);
        break;
    }
    if (!st.ok()) return MakeError(i.where + ": " + st.error().message, st.error().code);
  }
  for (const BlacklistDevice& d : s.devices) {
    std::string v = d.options.Text(Opt::kVendor), p = d.options.Text(Opt::kProduct);
    Status st = exceptions ? b->AddDeviceException(v, p, d.where) : b->AddDevice(v, p, d.where);
    if (!st.ok()) return MakeError(d.where + ": " + st.error().message, st.error().code);
  }
  return {};
}

Status AddProductBlacklists(const std::vector<DeviceEntry>& devices, Blacklist* b) {
  for (const DeviceEntry& d : devices) {
    const Setting* pb = d.options.Get(Opt::kProductBlacklist);
    if (pb == nullptr) continue;
    Status st = b->AddDevice(d.options.Text(Opt::kVendor), std::get<std::string>(pb->value),
                             pb->where, /*default_rule=*/true);
    if (!st.ok()) return MakeError(pb->where + ": " + st.error().message, st.error().code);
  }
  return {};
}

}  // namespace

Result<Blacklist> BuildBlacklist(const Config& config) {
  Blacklist b;
  if (Status s = AddSection(config.blacklist, false, &b); !s.ok()) return s.error();
  if (Status s = AddSection(config.blacklist_exceptions, true, &b); !s.ok()) return s.error();
  // The hardware table's order, as the reference: built-in entries, then the user's.
  if (Status s = AddProductBlacklists(config.builtin_devices, &b); !s.ok()) return s.error();
  if (Status s = AddProductBlacklists(config.devices, &b); !s.ok()) return s.error();
  b.AddBuiltIns();
  return b;
}

}  // namespace mpx
