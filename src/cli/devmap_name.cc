#include "cli/devmap_name.h"

#include <cerrno>
#include <cstdint>

#include "base/strings.h"
#include "engine/dm_unavailable.h"

namespace mpx {

CommandOutput RunDevmapName(const std::vector<std::string>& args, DeviceMapper& dm, Logger& log) {
  CommandOutput r;
  std::vector<std::string> nums = args;
  if (args.size() == 1 && args[0].find(':') != std::string::npos) {
    auto parts = Split(args[0], ':');
    nums.assign(parts.begin(), parts.end());
  }
  std::optional<uint64_t> major, minor;
  if (nums.size() == 2) major = ParseU64(nums[0]), minor = ParseU64(nums[1]);
  if (!major || !minor) {
    return Fail(r, log, "usage: devmap_name MAJOR MINOR");
  }
  auto map = *major <= UINT32_MAX && *minor <= UINT32_MAX
                 ? dm.InfoByDevT(static_cast<uint32_t>(*major), static_cast<uint32_t>(*minor))
                 : Result<DmMapInfo>(MakeError("no such map", ENXIO));
  if (map.ok()) {
    r.out = map->name + "\n";
    return r;
  }
  if (map.error().code != ENXIO) {
    LogDmFailure(dm, map.error(), log);
    r.exit_code = 1;
    return r;
  }
  return Fail(r, log,
              "no device-mapper device " + std::to_string(*major) + ":" + std::to_string(*minor));
}

}  // namespace mpx
