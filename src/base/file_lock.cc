#include "base/file_lock.h"

#include <fcntl.h>
#include <sys/file.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace mpx {

Result<FileLock> FileLock::Acquire(const std::string& path) {
  std::error_code ec;  // a failure shows as the open's error below
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
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
