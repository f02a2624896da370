#include "app/devmap_name.h"

#include <cerrno>
#include <cstdint>

#include "app/dm_unavailable.h"
#include "base/strings.h"

namespace mpx {

CommandOutput RunDevmapName(const std::vector<std::string>& args, DeviceMapper& dm) {
  CommandOutput r;
  std::vector<std::string> nums = args;
  if (args.size() == 1 && args[0].find(':') != std::string::npos) {
    auto parts = Split(args[0], ':');
    nums.assign(parts.begin(), parts.end());
  }
  std::optional<uint64_t> major, minor;
  if (nums.size() == 2) major = ParseU64(nums[0]), minor = ParseU64(nums[1]);
  if (!major || !minor) {
    r.err = "usage: devmap_name MAJOR MINOR\n";
    r.exit_code = 1;
    return r;
  }
  auto map = *major <= UINT32_MAX && *minor <= UINT32_MAX
                 ? dm.InfoByDevT(static_cast<uint32_t>(*major), static_cast<uint32_t>(*minor))
                 : Result<DmMapInfo>(MakeError("no such map", ENXIO));
  if (map.ok()) {
    r.out = map->name + "\n";
    return r;
  }
  if (map.error().code != ENXIO) return FailDm(r, dm, map.error(), "devmap_name");
  r.err = "devmap_name: no device-mapper device " + std::to_string(*major) + ":" +
          std::to_string(*minor) + "\n";
  r.exit_code = 1;
  return r;
}

}  // namespace mpx
