#include "base/file_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>

namespace mpx {

Result<FileLock> FileLock::Acquire(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash != std::string::npos && slash > 0) ::mkdir(path.substr(0, slash).c_str(), 0755);
  UniqueFd fd(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600));
  if (!fd.valid()) {
    int err = errno;
    return MakeError("cannot open lock file " + path + ": " + std::strerror(err), err);
  }
  while (::flock(fd.get(), LOCK_EX) != 0) {
    if (errno == EINTR) continue;
    int err = errno;
    return MakeError("cannot lock " + path + ": " + std::strerror(err), err);
  }
  return FileLock(std::move(fd));
}

}  // namespace mpx
