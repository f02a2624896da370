#include "kernel/uevent_source.h"

#include <fcntl.h>
#include <libudev.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <utility>

namespace mpx {
namespace {

// The kernel queues uevents in the socket until the daemon reads them. A
// burst (a whole HBA or array coming or going: thousands of paths, each with
// add/change/remove events, while the daemon is busy reconfiguring) overflows
// the default ~200 KiB and the kernel drops events. The reference (and udevd)
// ask for 128 MiB; it costs nothing while the queue is empty. Without
// privileges the kernel keeps its limit, and TakeLostEvents() tells.
constexpr int kReceiveBufferBytes = 128 * 1024 * 1024;

struct UdevUnref {
  void operator()(udev* u) const { udev_unref(u); }
};
struct MonitorUnref {
  void operator()(udev_monitor* m) const { udev_monitor_unref(m); }
};
struct DeviceUnref {
  void operator()(udev_device* d) const { udev_device_unref(d); }
};
using UdevPtr = std::unique_ptr<udev, UdevUnref>;
using MonitorPtr = std::unique_ptr<udev_monitor, MonitorUnref>;
using DevicePtr = std::unique_ptr<udev_device, DeviceUnref>;

template <typename T>
T Number(const std::string& s) {
  T value{};
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return ec == std::errc() && end == s.data() + s.size() ? value : T{};
}

std::string KernelName(const Uevent& ev) {
  if (auto slash = ev.devpath.rfind('/'); slash != std::string::npos) {
    return ev.devpath.substr(slash + 1);
  }
  std::string name = ev.Get("DEVNAME");
  return name.starts_with("/dev/") ? name.substr(5) : name;
}

std::map<std::string, std::string> Properties(udev_device* dev) {
  std::map<std::string, std::string> props;
  udev_list_entry* entry = nullptr;
  udev_list_entry_foreach(entry, udev_device_get_properties_list_entry(dev)) {
    const char* name = udev_list_entry_get_name(entry);
    const char* value = udev_list_entry_get_value(entry);
    if (name != nullptr) props[name] = value != nullptr ? value : "";
  }
  return props;
}

class LibUdevUeventSource : public UeventSource {
 public:
  LibUdevUeventSource(UdevPtr u, MonitorPtr m, const char* origin)
      : udev_(std::move(u)), monitor_(std::move(m)), origin_(origin) {}

  int fd() const override { return udev_monitor_get_fd(monitor_.get()); }
  const char* origin() const override { return origin_; }
  bool TakeLostEvents() override { return std::exchange(lost_, false); }

  std::vector<Uevent> Receive() override {
    std::vector<Uevent> events;
    for (;;) {
      errno = 0;
      DevicePtr dev(udev_monitor_receive_device(monitor_.get()));
      if (!dev) {
        // ENOBUFS is said once per overflow; the events after it still wait.
        if (errno == ENOBUFS) {
          lost_ = true;
          continue;
        }
        break;  // EAGAIN: none left
      }
      Uevent ev = UeventFromProperties(Properties(dev.get()));
      if (ev.Get("SUBSYSTEM") == "block") events.push_back(std::move(ev));
    }
    return events;
  }

 private:
  UdevPtr udev_;  // outlives monitor_
  MonitorPtr monitor_;
  const char* origin_;
  bool lost_ = false;
};

Error UdevError(const std::string& what) {
  int err = errno != 0 ? errno : ENOMEM;
  return MakeError("udev monitor: " + what + ": " + std::strerror(err), err);
}

}  // namespace

Uevent UeventFromProperties(std::map<std::string, std::string> props) {
  Uevent ev;
  ev.env = std::move(props);
  ev.action = ev.Get("ACTION");
  ev.devpath = ev.Get("DEVPATH");
  ev.devtype = ev.Get("DEVTYPE");
  ev.devname = KernelName(ev);
  ev.major = Number<unsigned>(ev.Get("MAJOR"));
  ev.minor = Number<unsigned>(ev.Get("MINOR"));
  ev.seqnum = Number<uint64_t>(ev.Get("SEQNUM"));
  return ev;
}

Result<std::unique_ptr<UeventSource>> OpenUeventSource() {
  // Events from udevd come after its rules ran, so the database holds what
  // they set (WWIDs, multipath flags); without udevd only the kernel speaks.
  const char* origin = ::access("/run/udev/control", F_OK) == 0 ? "udev" : "kernel";
  errno = 0;
  UdevPtr u(udev_new());
  if (!u) return UdevError("udev_new");
  MonitorPtr m(udev_monitor_new_from_netlink(u.get(), origin));
  if (!m) return UdevError(std::string("netlink \"") + origin + "\"");
  if (int rc = udev_monitor_filter_add_match_subsystem_devtype(m.get(), "block", nullptr); rc < 0) {
    errno = -rc;
    return UdevError("filter");
  }
  (void)udev_monitor_set_receive_buffer_size(m.get(), kReceiveBufferBytes);
  if (int rc = udev_monitor_enable_receiving(m.get()); rc < 0) {
    errno = -rc;
    return UdevError("enable receiving");
  }
  int fd = udev_monitor_get_fd(m.get());
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0 || ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) return UdevError("O_NONBLOCK");
  return std::unique_ptr<UeventSource>(
      std::make_unique<LibUdevUeventSource>(std::move(u), std::move(m), origin));
}

}  // namespace mpx
