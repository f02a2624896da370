#include "kernel/block_device.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <linux/loop.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fstream>

namespace mpx {
namespace {

Error Errno(const std::string& what) {
  return MakeError(what + ": " + std::strerror(errno), errno);
}

std::string RealPath(const std::string& path) {
  char buf[PATH_MAX];
  return ::realpath(path.c_str(), buf) != nullptr ? std::string(buf) : path;
}

}  // namespace

Result<std::unique_ptr<BlockDevice>> BlockDevice::Open(const std::string& path) {
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return Errno(path + ": cannot open");
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return Errno(path + ": cannot stat");
  uint64_t size = 0;
  int sector = 512;
  if (S_ISBLK(st.st_mode)) {
    if (::ioctl(fd.get(), BLKGETSIZE64, &size) != 0) return Errno(path + ": BLKGETSIZE64");
    if (::ioctl(fd.get(), BLKSSZGET, &sector) != 0) return Errno(path + ": BLKSSZGET");
  } else if (S_ISREG(st.st_mode)) {
    size = static_cast<uint64_t>(st.st_size);
  } else {
    return MakeError(path + ": not a block device or file", ENOTBLK);
  }
  return std::unique_ptr<BlockDevice>(
      new BlockDevice(std::move(fd), size, static_cast<unsigned>(sector)));
}

Result<std::vector<uint8_t>> BlockDevice::Read(uint64_t offset, size_t length) {
  if (offset > size_ || length > size_ - offset) {
    return MakeError("read beyond the end of the device", EIO);
  }
  std::vector<uint8_t> buf(length);
  size_t done = 0;
  while (done < length) {
    const ssize_t n =
        ::pread(fd_.get(), buf.data() + done, length - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n < 0 ? Errno("read") : MakeError("short read", EIO);
    done += static_cast<size_t>(n);
  }
  return buf;
}

std::string FindLoopDevice(const std::string& file) {
  const std::string want = RealPath(file);
  DIR* dir = ::opendir("/sys/block");
  if (dir == nullptr) return "";
  std::string found;
  while (dirent* e = ::readdir(dir)) {
    const std::string name = e->d_name;
    if (name.rfind("loop", 0) != 0) continue;
    std::ifstream in("/sys/block/" + name + "/loop/backing_file");
    std::string backing;
    if (std::getline(in, backing) && backing == want) {
      found = "/dev/" + name;
      break;
    }
  }
  ::closedir(dir);
  return found;
}

Result<std::string> AttachLoopDevice(const std::string& file, bool read_only) {
  UniqueFd control(::open("/dev/loop-control", O_RDWR | O_CLOEXEC));
  if (control.get() < 0) return Errno("/dev/loop-control");
  const int n = ::ioctl(control.get(), LOOP_CTL_GET_FREE);
  if (n < 0) return Errno("no free loop device");
  const std::string loop = "/dev/loop" + std::to_string(n);
  // A file that cannot be written (a read-only file system) is attached
  // read-only, as the reference does.
  UniqueFd backing(::open(file.c_str(), (read_only ? O_RDONLY : O_RDWR) | O_CLOEXEC));
  if (backing.get() < 0 && !read_only && (errno == EROFS || errno == EACCES)) {
    backing = UniqueFd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
  }
  if (backing.get() < 0) return Errno(file);
  UniqueFd dev(::open(loop.c_str(), O_RDWR | O_CLOEXEC));
  if (dev.get() < 0) return Errno(loop);
  if (::ioctl(dev.get(), LOOP_SET_FD, backing.get()) != 0) return Errno(loop + ": LOOP_SET_FD");
  loop_info64 info{};
  const std::string real = RealPath(file);
  std::strncpy(reinterpret_cast<char*>(info.lo_file_name), real.c_str(), LO_NAME_SIZE - 1);
  if (::ioctl(dev.get(), LOOP_SET_STATUS64, &info) != 0) {
    const Error e = Errno(loop + ": LOOP_SET_STATUS64");
    (void)::ioctl(dev.get(), LOOP_CLR_FD, 0);
    return e;
  }
  return loop;
}

Status DetachLoopDevice(const std::string& loop) {
  UniqueFd dev(::open(loop.c_str(), O_RDONLY | O_CLOEXEC));
  if (dev.get() < 0) return Errno(loop);
  if (::ioctl(dev.get(), LOOP_CLR_FD, 0) != 0) return Errno(loop + ": LOOP_CLR_FD");
  return {};
}

}  // namespace mpx
