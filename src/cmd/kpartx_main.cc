// kpartx: partition maps for the partitions of a disk, a multipath map or a
// file (through a loop device), as multipath-tools' kpartx (src/cli/kpartx.h).
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "cli/command_output.h"
#include "cli/kpartx.h"
#include "cmd/kpartx_options.h"
#include "kernel/block_device.h"
#include "kernel/devmapper.h"
#include "partition/scan.h"

namespace {

int Fail(const std::string& msg) {
  std::fprintf(stderr, "kpartx: %s\n", msg.c_str());
  return 1;
}

// The kernel's name of a block device (sda, loop0, dm-3).
std::string KernelName(unsigned major, unsigned minor) {
  char buf[PATH_MAX];
  const std::string link = "/sys/dev/block/" + std::to_string(major) + ":" + std::to_string(minor);
  const ssize_t n = ::readlink(link.c_str(), buf, sizeof buf - 1);
  if (n <= 0) return std::to_string(major) + ":" + std::to_string(minor);
  std::string path(buf, static_cast<size_t>(n));
  return path.substr(path.rfind('/') + 1);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::fputs(mpx::KpartxUsage().c_str(), stdout);
    return 1;
  }
  auto o = mpx::ParseKpartxOptions(args);
  if (!o.ok()) return Fail(o.error().message + "\n" + mpx::KpartxUsage());
  struct stat st {};
  if (::stat(o->device.c_str(), &st) != 0) return Fail("failed to stat() " + o->device);

  // A file is mapped through its loop device: the one it has, else a new one
  // (-d: only the one it has, detached afterwards; -l: a new one, detached).
  std::string devnode = o->device;
  std::string attached;
  const bool is_file = S_ISREG(st.st_mode);
  if (is_file) {
    devnode = mpx::FindLoopDevice(o->device);
    if (devnode.empty()) {
      if (o->op == mpx::KpartxOp::kDelete) return 0;  // nothing was mapped
      auto loop = mpx::AttachLoopDevice(o->device, o->read_only);
      if (!loop.ok()) return Fail("can't set up loop: " + loop.error().message);
      devnode = attached = *loop;
    }
    if (::stat(devnode.c_str(), &st) != 0) return Fail("failed to stat() " + devnode);
  } else if (!S_ISBLK(st.st_mode)) {
    return Fail("invalid device: " + o->device);
  }

  mpx::KpartxParent parent;
  parent.devnode = devnode;
  parent.major = major(st.st_rdev);
  parent.minor = minor(st.st_rdev);
  mpx::LibDevmapper dm;
  if (auto info = dm.InfoByDevT(parent.major, parent.minor); info.ok()) {
    parent.name = info->name;
    parent.uuid = info->uuid;
  } else {
    parent.name = KernelName(parent.major, parent.minor);
  }
  if (parent.uuid.empty()) parent.uuid = mpx::DevnodeUuid(parent.major, parent.minor);

  mpx::PartitionTable table;
  if (o->op != mpx::KpartxOp::kDelete) {
    auto disk = mpx::BlockDevice::Open(devnode);
    if (!disk.ok()) return Fail(disk.error().message);
    table = mpx::ReadPartitionTable(**disk, o->force_gpt, o->type);
  }
  mpx::CliLogger log(
      "kpartx", 2, [](std::string_view line) { std::fwrite(line.data(), 1, line.size(), stderr); });
  mpx::CommandOutput r =
      mpx::RunKpartx({o->op, o->delimiter, o->verbose, o->read_only}, parent, table, dm, log);
  std::fputs(r.out.c_str(), stdout);
  // The loop device goes with the partition maps (-d), or when -l made it.
  const bool loop_done = (o->op == mpx::KpartxOp::kList && !attached.empty()) ||
                         (o->op == mpx::KpartxOp::kDelete && r.exit_code == 0);
  if (is_file && loop_done) {
    if (mpx::Status s = mpx::DetachLoopDevice(devnode); !s.ok()) return Fail(s.error().message);
    if (o->verbose && o->op == mpx::KpartxOp::kDelete) {
      std::printf("loop deleted : %s\n", devnode.c_str());
    }
  }
  return r.exit_code;
}
