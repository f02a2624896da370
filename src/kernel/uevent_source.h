// UeventSource: block-device uevents for multipathd. When udevd runs, its
// events (sent after its rules ran, so the udev database is up to date);
// without udevd, the kernel's own. Both carry the same properties for what
// the daemon reads (ACTION, DEVNAME, DEVPATH, DEVTYPE, MAJOR, MINOR,
// SEQNUM, DM_ACTION, DM_PATH, DM_NAME, DM_UUID, ...).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/result.h"
#include "model/uevent.h"

namespace mpx {

class UeventSource {
 public:
  virtual ~UeventSource() = default;
  // Readable (poll/epoll) when events wait.
  virtual int fd() const = 0;
  // Every event waiting now, oldest first; never blocks. Events of other
  // subsystems than "block" are dropped.
  virtual std::vector<Uevent> Receive() = 0;
  // "udev" or "kernel": where the events come from.
  virtual const char* origin() const = 0;
  // Whether events were lost since the last call (the socket's buffer
  // overflowed in a burst); the daemon cannot know which, so it rescans.
  virtual bool TakeLostEvents() = 0;
};

// A uevent from its properties (as udev or the kernel sent them): the kernel
// name is DEVPATH's last component (udev's DEVNAME is "/dev/sdb", the
// kernel's "sdb"); numbers that do not parse are 0. Pure.
Uevent UeventFromProperties(std::map<std::string, std::string> props);

// The udev source when udevd runs (/run/udev/control exists), else the
// kernel's netlink source.
Result<std::unique_ptr<UeventSource>> OpenUeventSource();

}  // namespace mpx
