#include "discovery/discover.h"

#include <algorithm>

#include "discovery/scsi_path.h"

namespace mpx {
namespace {

std::span<const uint8_t> Bytes(const std::string& s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

}  // namespace

Result<Path> DiscoverOne(const WwidEnv& env, const Blacklist& blacklist, const std::string& dev) {
  if (auto why = blacklist.CheckDevnode(dev)) return MakeError(dev + ": " + *why, EPERM);
  auto path = ReadScsiPath(env.sysfs, dev);
  if (!path.ok()) return path.error();
  std::optional<std::string> pg83;
  if (auto page = env.sysfs.Read("block/" + dev + "/device/vpd_pg83"); page.ok()) {
    pg83 = std::move(page).value();
    path->tpg = TargetPortGroup(Bytes(*pg83));
  }
  auto wwid = DetermineWwid(env, path.value(), pg83);
  if (!wwid.ok()) return wwid.error();
  if (auto why = blacklist.CheckWwid(wwid->wwid)) return MakeError(dev + ": " + *why, EPERM);
  path->wwid = std::move(wwid->wwid);
  path->wwid_source = std::move(wwid->source);
  return path;
}

DiscoveryResult Discover(const WwidEnv& env, const Blacklist& blacklist) {
  DiscoveryResult out;
  auto names = env.sysfs.List("block");
  if (!names.ok()) {
    out.skipped.push_back({"block", names.error().message});
    return out;
  }
  std::vector<std::pair<std::string, Path>> found;  // (sysfs path, path) for ordering
  for (const std::string& dev : names.value()) {
    if (auto why = blacklist.CheckDevnode(dev)) {
      out.skipped.push_back({dev, *why});
      continue;
    }
    auto path = DiscoverOne(env, blacklist, dev);
    if (!path.ok()) {
      std::string msg = path.error().message;
      if (msg.rfind(dev + ": ", 0) == 0) msg.erase(0, dev.size() + 2);
      out.skipped.push_back({dev, msg});
      continue;
    }
    std::string key = path->sysfs_path;
    found.emplace_back(std::move(key), std::move(path).value());
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  out.paths.reserve(found.size());
  for (auto& f : found) out.paths.push_back(std::move(f.second));
  return out;
}

}  // namespace mpx
