#include "engine/device_arg.h"

#include <cerrno>
#include <climits>
#include <cstdlib>

#include "base/strings.h"

namespace mpx {

DeviceArg ClassifyDeviceArg(std::string_view arg) {
  if (StartsWith(arg, "/dev/")) return {DeviceArgKind::kDevNode, std::string(arg)};
  auto colon = arg.find(':');
  if (colon != std::string_view::npos && ParseU64(arg.substr(0, colon)) &&
      ParseU64(arg.substr(colon + 1))) {
    return {DeviceArgKind::kDevT, std::string(arg)};
  }
  return {DeviceArgKind::kOther, std::string(arg)};
}

Result<std::string> BlockName(const Sysfs& sysfs, const Files& files, const DeviceArg& arg) {
  if (arg.kind == DeviceArgKind::kDevT) {
    auto target = sysfs.Resolve("dev/block/" + arg.text);
    if (!target.ok()) return MakeError(arg.text + ": no such block device", ENODEV);
    return std::string(target->substr(target->rfind('/') + 1));
  }
  std::string node = arg.text;
  if (arg.kind == DeviceArgKind::kDevNode) {
    // /dev/mapper/x and /dev/disk/... are links to the kernel's node name.
    if (auto real = files.RealPath(node); real.ok()) node = std::move(real).value();
    if (!StartsWith(node, "/dev/")) return MakeError(arg.text + ": not a device node", ENODEV);
    node = node.substr(5);
  }
  if (node.empty() || node.find('/') != std::string::npos ||
      !(sysfs.Exists("class/block/" + node) || sysfs.Exists("block/" + node))) {
    return MakeError(arg.text + ": no such block device", ENODEV);
  }
  return node;
}

Result<std::string> BlockDevT(const Sysfs& sysfs, const std::string& name) {
  auto dev = sysfs.Read("class/block/" + name + "/dev");
  if (!dev.ok()) dev = sysfs.Read("block/" + name + "/dev");
  if (!dev.ok()) return MakeError(name + ": no device number in sysfs", ENODEV);
  return std::string(Trim(dev.value()));
}

}  // namespace mpx
