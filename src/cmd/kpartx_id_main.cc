// kpartx_id MAJOR MINOR UUID: the properties udev's 56-dm-parts rule imports
// for a partition map's links (src/cli/kpartx_id.h), as the reference's
// script of that name. Installed in udev's directory.
#include <cstdio>
#include <optional>
#include <string>

#include "cli/kpartx_id.h"
#include "kernel/devmapper.h"
#include "kernel/sysfs.h"

namespace {

// The map of `uuid`: its name, and the majors of the devices under it (its
// holders' view in sysfs: block/dm-N/slaves).
std::optional<mpx::KpartxIdMap> Lookup(mpx::DeviceMapper& dm, const mpx::Sysfs* sysfs,
                                       const std::string& uuid) {
  auto info = dm.InfoByUuid(uuid);
  if (!info.ok()) return std::nullopt;
  mpx::KpartxIdMap map{info->name, {}};
  if (sysfs == nullptr) return map;
  auto slaves = sysfs->List("dev/block/" + info->DevT() + "/slaves");
  if (!slaves.ok()) return map;
  for (const std::string& s : *slaves) {
    auto dev = sysfs->Read("class/block/" + s + "/dev");
    if (!dev.ok()) continue;
    unsigned major = 0;
    if (std::sscanf(dev->c_str(), "%u:", &major) == 1) map.dep_majors.push_back(major);
  }
  return map;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || std::string(argv[1]).empty() || std::string(argv[2]).empty()) {
    std::printf("usage: %s major minor UUID\n", argc > 0 ? argv[0] : "kpartx_id");
    return 1;
  }
  const std::string uuid = argc > 3 ? argv[3] : "";
  mpx::LibDevmapper dm(false);
  if (!dm.Availability().available()) return 0;  // nothing to say, as the reference
  auto sysfs = mpx::DirSysfs::Open("/sys");
  const mpx::Sysfs* s = sysfs.ok() ? &*sysfs : nullptr;
  const std::string props =
      mpx::KpartxIdProperties(uuid, [&](const std::string& u) { return Lookup(dm, s, u); });
  std::fputs(props.c_str(), stdout);
  return 0;
}
