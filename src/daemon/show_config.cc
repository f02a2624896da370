#include "daemon/show_config.h"

#include <algorithm>
#include <set>

#include "config/printer.h"

namespace mpx {
namespace {

std::string RuleLine(bool default_rule, const std::string& text) {
  return std::string("        ") + (default_rule ? "(default rule)     " : "(config file rule) ") +
         text + "\n";
}

std::string Group(const std::vector<BlacklistEntry>& entries) {
  if (entries.empty()) return "        <empty>\n";
  std::string out;
  for (const BlacklistEntry& e : entries) out += RuleLine(e.default_rule, e.regex.pattern());
  return out;
}

std::string DeviceGroup(const std::vector<BlacklistDeviceEntry>& entries) {
  if (entries.empty()) return "        <empty>\n";
  std::string out;
  for (const BlacklistDeviceEntry& e : entries) {
    // An unset field prints as the reference's C library prints a null string.
    out += RuleLine(e.default_rule, (e.vendor ? e.vendor->pattern() : "(null)") + ":" +
                                        (e.product ? e.product->pattern() : "(null)"));
  }
  return out;
}

}  // namespace

std::string ShowConfigText(const Snapshot& s, bool local) {
  if (!s.setup) return "fail\n";
  PrintOptions options;
  if (local) {
    PresentDevices present;
    for (const auto& [id, e] : s.paths) {
      const Path& p = e->path;
      present.paths.push_back(DeviceIdentity{p.vendor, p.model, p.rev, ProtocolName(p)});
    }
    for (const auto& [wwid, m] : s.maps) present.maps.push_back({wwid, m->map.name});
    options.present = std::move(present);
  }
  return PrintConfig(s.setup->config(), options);
}

std::string ShowBlacklistText(const Blacklist& b) {
  using Kind = Blacklist::Kind;
  struct Section {
    const char* title;
    Kind kind;
  };
  constexpr Section kSections[] = {{"device node rules", Kind::kDevnode},
                                   {"udev property rules", Kind::kProperty},
                                   {"protocol rules", Kind::kProtocol},
                                   {"wwid rules", Kind::kWwid}};
  std::string out;
  for (const Section& sec : kSections) {
    out += std::string(sec.title) + ":\n- blacklist:\n" + Group(b.Entries(sec.kind, false)) +
           "- exceptions:\n" + Group(b.Entries(sec.kind, true));
  }
  out += "device rules:\n- blacklist:\n" + DeviceGroup(b.Devices(false)) + "- exceptions:\n" +
         DeviceGroup(b.Devices(true));
  return out;
}

std::string ShowDevicesText(const Snapshot& s, const Blacklist& b, const Sysfs& sysfs) {
  std::set<std::string> monitored;
  for (const auto& [id, e] : s.paths) monitored.insert(e->path.dev);
  std::string out = "available block devices:\n";
  auto devs = sysfs.List("block");
  if (!devs.ok()) return out;
  size_t width = 0;
  for (const std::string& dev : *devs) width = std::max(width, dev.size());
  for (const std::string& dev : *devs) {
    out += "    " + dev + std::string(width - dev.size(), ' ');
    if (b.CheckDevnode(dev)) {
      out += " devnode blacklisted, unmonitored\n";
    } else {
      out += monitored.count(dev) ? " devnode whitelisted, monitored\n"
                                  : " devnode whitelisted, unmonitored\n";
    }
  }
  return out;
}

}  // namespace mpx
