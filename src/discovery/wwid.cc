#include "discovery/wwid.h"

#include <sys/sysmacros.h>

#include <cerrno>
#include <span>

#include "base/strings.h"
#include "scsi/vpd.h"

namespace mpx {
namespace {

struct Attempts {
  std::string log;
  void Add(std::string_view source, std::string_view why) {
    if (!log.empty()) log += "; ";
    log += std::string(source) + ": " + std::string(why);
  }
};

std::optional<WwidFound> FromPage83(std::span<const uint8_t> page, const char* source,
                                    Attempts& tried) {
  auto w = scsi::WwidFromVpd83(page);
  if (!w.ok()) {
    tried.Add(source, w.error().message);
    return std::nullopt;
  }
  return WwidFound{std::move(w).value(), source};
}

std::optional<WwidFound> FromPage80(std::span<const uint8_t> page, const char* source,
                                    Attempts& tried) {
  auto serial = scsi::WwidFromVpd80(page);
  if (!serial.ok()) {
    tried.Add(source, serial.error().message);
    return std::nullopt;
  }
  // As scsi_id's serial-page identity: "S" + the serial, spaces as '_'.
  std::string wwid = "S";
  for (char c : serial.value()) wwid.push_back(c == ' ' ? '_' : c);
  return WwidFound{std::move(wwid), source};
}

}  // namespace

std::optional<int> TargetPortGroup(std::span<const uint8_t> page) {
  auto ds = scsi::ParseVpd83(page);
  if (!ds.ok()) return std::nullopt;
  for (const auto& d : ds.value()) {
    if (d.type == 5 && d.id.size() >= 4) return (d.id[2] << 8) | d.id[3];
  }
  return std::nullopt;
}

std::string UidAttributeOf(const WwidEnv& env, const Path& path) {
  return env.uid_attribute_for ? env.uid_attribute_for(path) : env.uid_attribute;
}

Result<WwidFound> DetermineWwid(const WwidEnv& env, const Path& path,
                                const std::optional<std::string>& sysfs_pg83) {
  return DetermineWwid(env, path, sysfs_pg83, env.udev.Lookup(makedev(path.major, path.minor)));
}

Result<WwidFound> DetermineWwid(const WwidEnv& env, const Path& path,
                                const std::optional<std::string>& sysfs_pg83,
                                const std::optional<Properties>& props) {
  Attempts tried;
  const std::string uid_attribute = UidAttributeOf(env, path);
  if (uid_attribute.empty()) {
    tried.Add("udev", "uid_attribute is empty");
  } else if (props) {
    auto it = props->find(uid_attribute);
    if (it != props->end() && !it->second.empty()) {
      return WwidFound{it->second, "udev " + uid_attribute};
    }
    tried.Add("udev", "no " + uid_attribute + " property");
  } else {
    tried.Add("udev", "no database entry");
  }
  const std::string dir = "block/" + path.dev + "/device/";
  if (sysfs_pg83) {
    if (auto w = FromPage83(AsBytes(*sysfs_pg83), "sysfs vpd_pg83", tried)) return *w;
  } else {
    tried.Add("sysfs vpd_pg83", "absent");
  }
  // As the reference: ask the device itself when sysfs gave nothing usable
  // and the device is running.
  if (path.sysfs_state == "running" || path.sysfs_state.empty()) {
    auto sg = env.scsi.InquiryVpd(path.devnode, 0x83);
    if (!sg.ok()) {
      tried.Add("SG_IO VPD 0x83", sg.error().message);
    } else if (auto w = FromPage83(sg.value(), "SG_IO VPD 0x83", tried)) {
      return *w;
    }
  }
  // Beyond the reference (which leaves such a path without identity): the
  // unit serial number page.
  if (auto page = env.sysfs.Read(dir + "vpd_pg80"); page.ok()) {
    if (auto w = FromPage80(AsBytes(page.value()), "sysfs vpd_pg80", tried)) return *w;
  } else {
    auto sg = env.scsi.InquiryVpd(path.devnode, 0x80);
    if (!sg.ok()) {
      tried.Add("SG_IO VPD 0x80", sg.error().message);
    } else if (auto w = FromPage80(sg.value(), "SG_IO VPD 0x80", tried)) {
      return *w;
    }
  }
  return MakeError(path.dev + ": no WWID: " + tried.log, ENODATA);
}

}  // namespace mpx
