#include "kernel/udev.h"

#include <libudev.h>

namespace mpx {
namespace {

struct DeviceUnref {
  void operator()(udev_device* d) const { udev_device_unref(d); }
};

}  // namespace

LibUdevDb::LibUdevDb() : udev_(udev_new()) {}

LibUdevDb::~LibUdevDb() {
  if (udev_ != nullptr) udev_unref(udev_);
}

std::optional<Properties> LibUdevDb::Lookup(dev_t devt) const {
  std::lock_guard<std::mutex> lock(mu_);
  if (udev_ == nullptr) return std::nullopt;
  std::unique_ptr<udev_device, DeviceUnref> dev(udev_device_new_from_devnum(udev_, 'b', devt));
  if (!dev || udev_device_get_is_initialized(dev.get()) <= 0) return std::nullopt;
  Properties props;
  udev_list_entry* entry = nullptr;
  udev_list_entry_foreach(entry, udev_device_get_properties_list_entry(dev.get())) {
    const char* name = udev_list_entry_get_name(entry);
    const char* value = udev_list_entry_get_value(entry);
    if (name != nullptr) props[name] = value != nullptr ? value : "";
  }
  return props;
}

}  // namespace mpx
