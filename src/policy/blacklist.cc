#include "policy/blacklist.h"

namespace mpx {
namespace {

Status Add(std::vector<BlacklistEntry>& list, const std::string& pattern, std::string origin,
           bool default_rule = false) {
  auto re = Regex::Compile(pattern);
  if (!re.ok()) return re.error();
  list.push_back({std::move(re).value(), std::move(origin), default_rule});
  return {};
}

Result<std::optional<Regex>> Optional(const std::string& pattern) {
  if (pattern.empty()) return std::optional<Regex>();
  auto re = Regex::Compile(pattern);
  if (!re.ok()) return re.error();
  return std::optional<Regex>(std::move(re).value());
}

Status AddDeviceTo(std::vector<BlacklistDeviceEntry>& list, const std::string& vendor,
                   const std::string& product, std::string origin, bool default_rule = false) {
  auto text = [](const std::optional<Regex>& r) { return r ? r->pattern() : std::string(); };
  for (const BlacklistDeviceEntry& e : list) {
    if (text(e.vendor) == vendor && text(e.product) == product) return {};
  }
  auto v = Optional(vendor);
  if (!v.ok()) return v.error();
  auto p = Optional(product);
  if (!p.ok()) return p.error();
  list.push_back({std::move(v).value(), std::move(p).value(), std::move(origin), default_rule});
  return {};
}

const BlacklistDeviceEntry* FindDevice(const std::vector<BlacklistDeviceEntry>& list,
                                       const std::string& vendor, const std::string& product) {
  for (const auto& e : list) {
    if (!e.vendor && !e.product) continue;
    if (e.vendor && !e.vendor->Matches(vendor)) continue;
    if (e.product && !e.product->Matches(product)) continue;
    return &e;
  }
  return nullptr;
}

const BlacklistEntry* FindEntry(const std::vector<BlacklistEntry>& list, const std::string& v) {
  for (const auto& e : list) {
    if (e.regex.Matches(v)) return &e;
  }
  return nullptr;
}

}  // namespace

Blacklist Blacklist::BuiltIn() {
  Blacklist b;
  b.AddBuiltIns();
  return b;
}

void Blacklist::AddBuiltIns() {
  // Constant patterns; a test checks they compile.
  (void)Add(devnode_, kBuiltinDevnodeBlacklist, "built-in", true);
  (void)Add(property_except_, kBuiltinPropertyException, "built-in", true);
}

const std::vector<BlacklistEntry>& Blacklist::Entries(Kind kind, bool exceptions) const {
  switch (kind) {
    case Kind::kDevnode:
      return exceptions ? devnode_except_ : devnode_;
    case Kind::kProperty:
      return exceptions ? property_except_ : property_;
    case Kind::kProtocol:
      return exceptions ? protocol_except_ : protocol_;
    case Kind::kWwid:
      break;
  }
  return exceptions ? wwid_except_ : wwid_;
}

Status Blacklist::AddDevnode(const std::string& p, std::string o) {
  return Add(devnode_, p, std::move(o));
}
Status Blacklist::AddDevnodeException(const std::string& p, std::string o) {
  return Add(devnode_except_, p, std::move(o));
}
Status Blacklist::AddWwid(const std::string& p, std::string o) {
  return Add(wwid_, p, std::move(o));
}
Status Blacklist::AddWwidException(const std::string& p, std::string o) {
  return Add(wwid_except_, p, std::move(o));
}
Status Blacklist::AddProperty(const std::string& p, std::string o) {
  return Add(property_, p, std::move(o));
}
Status Blacklist::AddPropertyException(const std::string& p, std::string o) {
  return Add(property_except_, p, std::move(o));
}
Status Blacklist::AddProtocol(const std::string& p, std::string o) {
  return Add(protocol_, p, std::move(o));
}
Status Blacklist::AddProtocolException(const std::string& p, std::string o) {
  return Add(protocol_except_, p, std::move(o));
}
Status Blacklist::AddDevice(const std::string& v, const std::string& p, std::string o,
                            bool default_rule) {
  return AddDeviceTo(device_, v, p, std::move(o), default_rule);
}
Status Blacklist::AddDeviceException(const std::string& v, const std::string& p, std::string o) {
  return AddDeviceTo(device_except_, v, p, std::move(o));
}

std::optional<std::string> Blacklist::Check(const std::vector<BlacklistEntry>& entries,
                                            const std::vector<BlacklistEntry>& exceptions,
                                            const std::string& what, const std::string& value) {
  if (FindEntry(exceptions, value)) return std::nullopt;
  if (const BlacklistEntry* e = FindEntry(entries, value)) {
    return what + " blacklisted by " + what + " \"" + e->regex.pattern() + "\" (" + e->origin + ")";
  }
  return std::nullopt;
}

std::optional<std::string> Blacklist::CheckDevnode(const std::string& dev) const {
  return Check(devnode_, devnode_except_, "devnode", dev);
}

std::optional<std::string> Blacklist::CheckWwid(const std::string& wwid) const {
  return Check(wwid_, wwid_except_, "wwid", wwid);
}

std::optional<std::string> Blacklist::CheckProtocol(const std::string& protocol) const {
  return Check(protocol_, protocol_except_, "protocol", protocol);
}

std::optional<std::string> Blacklist::CheckDevice(const std::string& vendor,
                                                  const std::string& product) const {
  if (FindDevice(device_except_, vendor, product)) return std::nullopt;
  const BlacklistDeviceEntry* e = FindDevice(device_, vendor, product);
  if (e == nullptr) return std::nullopt;
  auto pat = [](const std::optional<Regex>& r) { return r ? r->pattern() : std::string(".*"); };
  return "device blacklisted by device \"" + pat(e->vendor) + "\":\"" + pat(e->product) + "\" (" +
         e->origin + ")";
}

std::optional<std::string> Blacklist::CheckProperties(const std::vector<std::string>& names,
                                                      bool missing_blacklists) const {
  for (const std::string& name : names) {
    if (FindEntry(property_except_, name)) return std::nullopt;
    if (const BlacklistEntry* e = FindEntry(property_, name)) {
      return "property blacklisted by property \"" + e->regex.pattern() + "\" (" + e->origin + ")";
    }
  }
  if (property_except_.empty() || !missing_blacklists) return std::nullopt;
  return std::string("property blacklisted: no udev property matches a property exception");
}

}  // namespace mpx
