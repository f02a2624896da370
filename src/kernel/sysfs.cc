#include "kernel/sysfs.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

namespace mpx {
namespace {

Error SysError(std::string_view what, const std::string& path, int err) {
  return MakeError(std::string(what) + " " + path + ": " + std::strerror(err), err);
}

}  // namespace

Result<DirSysfs> DirSysfs::Open(std::string root) {
  int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return SysError("cannot open sysfs root", root, errno);
  UniqueFd ufd(fd);
  char buf[PATH_MAX];
  if (::realpath(root.c_str(), buf) == nullptr) return SysError("cannot resolve", root, errno);
  return DirSysfs(std::move(root), buf, std::move(ufd));
}

Result<std::string> DirSysfs::Read(std::string_view path) const {
  std::string p(path);
  UniqueFd fd(::openat(fd_.get(), p.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd.valid()) return SysError("cannot open", root_ + "/" + p, errno);
  std::string out;
  char buf[4096];
  while (true) {
    ssize_t n = ::read(fd.get(), buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return SysError("cannot read", root_ + "/" + p, errno);
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

Result<std::vector<std::string>> DirSysfs::List(std::string_view dir) const {
  std::string p(dir);
  int fd = ::openat(fd_.get(), p.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return SysError("cannot open directory", root_ + "/" + p, errno);
  DIR* d = ::fdopendir(fd);
  if (d == nullptr) {
    int err = errno;
    ::close(fd);
    return SysError("cannot list", root_ + "/" + p, err);
  }
  std::vector<std::string> names;
  while (struct dirent* e = ::readdir(d)) {
    if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
    names.emplace_back(e->d_name);
  }
  ::closedir(d);
  std::sort(names.begin(), names.end());
  return names;
}

Result<std::string> DirSysfs::Resolve(std::string_view path) const {
  std::string full = root_ + "/" + std::string(path);
  char buf[PATH_MAX];
  if (::realpath(full.c_str(), buf) == nullptr) return SysError("cannot resolve", full, errno);
  std::string_view r(buf);
  if (r.substr(0, real_root_.size()) != real_root_ ||
      (r.size() > real_root_.size() && r[real_root_.size()] != '/' && real_root_ != "/")) {
    return MakeError(full + " resolves outside the sysfs root", EXDEV);
  }
  r.remove_prefix(real_root_ == "/" ? 1 : real_root_.size());
  if (!r.empty() && r.front() == '/') r.remove_prefix(1);
  return std::string(r);
}

bool DirSysfs::Exists(std::string_view path) const {
  struct stat st;
  return ::fstatat(fd_.get(), std::string(path).c_str(), &st, 0) == 0;
}

}  // namespace mpx
