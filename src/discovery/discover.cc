#include "discovery/discover.h"

#include <sys/sysmacros.h>

#include <algorithm>

#include "base/strings.h"
#include "base/thread_pool.h"
#include "discovery/scsi_path.h"
#include "scsi/vpd.h"

namespace mpx {
namespace {}  // namespace

std::string ReadSerial(const WwidEnv& env, const Path& path) {
  std::vector<uint8_t> page;
  if (auto s = env.sysfs.Read("block/" + path.dev + "/device/vpd_pg80"); s.ok()) {
    page.assign(s->begin(), s->end());
  } else if (auto sg = env.scsi.InquiryVpd(path.devnode, 0x80); sg.ok()) {
    page = std::move(sg).value();
  }
  auto serial = scsi::WwidFromVpd80(page);
  return serial.ok() ? serial.value() : std::string();
}

std::optional<std::string> ReadPg83(const Sysfs& sysfs, Path& path) {
  auto page = sysfs.Read("block/" + path.dev + "/device/vpd_pg83");
  if (!page.ok()) return std::nullopt;
  path.tpg = TargetPortGroup(AsBytes(page.value()));
  return std::move(page).value();
}

Result<Path> DiscoverOne(const WwidEnv& env, const Blacklist& blacklist, const std::string& dev) {
  if (auto why = blacklist.CheckDevnode(dev)) return MakeError(dev + ": " + *why, EPERM);
  auto path = ReadScsiPath(env.sysfs, dev);
  if (!path.ok()) return path.error();
  if (path->transport == "usb" && !env.allow_usb_devices) {
    return MakeError(dev + ": skip USB device " + path->target_node_name, EPERM);
  }
  if (auto why = blacklist.CheckDevice(path->vendor, path->model)) {
    return MakeError(dev + ": " + *why, EPERM);
  }
  if (auto why = blacklist.CheckProtocol(ProtocolName(path.value()))) {
    return MakeError(dev + ": " + *why, EPERM);
  }
  std::optional<std::string> pg83 = ReadPg83(env.sysfs, path.value());
  auto props = env.udev.Lookup(makedev(path->major, path->minor));
  if (props) {
    // As the reference: a device udev knows well (it has the uid attribute)
    // needs a property matching an exception; one udev could not read is
    // judged by explicit property entries only.
    std::vector<std::string> names;
    for (const auto& [name, value] : *props) names.push_back(name);
    const std::string uid_attribute = UidAttributeOf(env, path.value());
    const bool uid_seen = !uid_attribute.empty() && props->count(uid_attribute) > 0;
    if (auto why = blacklist.CheckProperties(names, uid_seen)) {
      return MakeError(dev + ": " + *why, EPERM);
    }
  }
  auto wwid = DetermineWwid(env, path.value(), pg83, props);
  if (!wwid.ok()) return wwid.error();
  if (auto why = blacklist.CheckWwid(wwid->wwid)) return MakeError(dev + ": " + *why, EPERM);
  path->wwid = std::move(wwid->wwid);
  path->wwid_source = std::move(wwid->source);
  return path;
}

DiscoveryResult Discover(const WwidEnv& env, const Blacklist& blacklist, ThreadPool& pool) {
  DiscoveryResult out;
  auto names = env.sysfs.List("block");
  if (!names.ok()) {
    out.skipped.push_back({"block", names.error().message});
    return out;
  }
  std::vector<std::string> candidates;
  for (const std::string& dev : names.value()) {
    if (auto why = blacklist.CheckDevnode(dev)) {
      out.skipped.push_back({dev, *why});
    } else {
      candidates.push_back(dev);
    }
  }
  // Each device's reads are independent: spread them over a few threads
  // (sysfs and SG_IO calls block), each writing its own slot.
  std::vector<std::optional<Result<Path>>> slots(candidates.size());
  ParallelFor(pool, candidates.size(), HelpersFor(pool, candidates.size()),
              [&](size_t i) { slots[i].emplace(DiscoverOne(env, blacklist, candidates[i])); });
  std::vector<Path> found;
  for (size_t i = 0; i < candidates.size(); ++i) {
    Result<Path>& r = *slots[i];
    if (r.ok()) {
      found.push_back(std::move(r).value());
      continue;
    }
    std::string msg = r.error().message;
    if (msg.rfind(candidates[i] + ": ", 0) == 0) msg.erase(0, candidates[i].size() + 2);
    out.skipped.push_back({candidates[i], msg});
  }
  // udev's enumeration order: by device path.
  std::stable_sort(found.begin(), found.end(),
                   [](const Path& a, const Path& b) { return a.sysfs_path < b.sysfs_path; });
  out.paths = PathSet(std::move(found));
  return out;
}

}  // namespace mpx
