#include "kernel/sysfs.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

#include "base/strings.h"

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
  return DirSysfs(std::move(root), std::move(ufd));
}

Result<std::string> DirSysfs::Read(std::string_view path) const {
  std::string p(path);
  UniqueFd fd(::openat(fd_.get(), p.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd.valid()) return SysError("cannot open", root_ + "/" + p, errno);
  std::string out;
  char buf[8192];
  while (true) {
    ssize_t n = ::read(fd.get(), buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return SysError("cannot read", root_ + "/" + p, errno);
    }
    out.append(buf, static_cast<size_t>(n));
    // sysfs returns a whole attribute in one read; a short read is its end.
    // (For recorded trees on ordinary file systems the same holds for files
    // this small.) Saves the second read per attribute at thousands of paths.
    if (static_cast<size_t>(n) < sizeof buf) break;
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

// Appends `rel` to the resolved directory `dir`, folding "." and "..".
Result<std::string> DirSysfs::Join(std::string dir, std::string_view rel,
                                   std::string_view orig) const {
  for (std::string_view comp : Split(rel, '/')) {
    if (comp.empty() || comp == ".") continue;
    if (comp == "..") {
      if (dir.empty()) {
        return MakeError(root_ + "/" + std::string(orig) + " resolves outside the sysfs root",
                         EXDEV);
      }
      size_t slash = dir.rfind('/');
      dir.erase(slash == std::string::npos ? 0 : slash);
      continue;
    }
    if (!dir.empty()) dir.push_back('/');
    dir.append(comp);
  }
  return dir;
}

Result<std::string> DirSysfs::Resolve(std::string_view path) const {
  // One readlinkat per component of the path as given: the kernel follows
  // links inside the prefix itself, and a link's target is relative to the
  // real directory holding the link, which the recursion resolves. sysfs
  // link targets name real directories, so folding ".." lexically is exact.
  // Far fewer system calls than realpath(3) on deep device paths.
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  if (path.empty() || path == ".") return std::string();
  size_t slash = path.rfind('/');
  std::string_view parent = slash == std::string_view::npos ? "" : path.substr(0, slash);
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  auto dir = Resolve(parent);
  if (!dir.ok()) return dir;
  if (name == "..") return Join(std::move(dir).value(), "..", path);
  char buf[PATH_MAX];
  std::string p(path);
  ssize_t n = ::readlinkat(fd_.get(), p.c_str(), buf, sizeof buf);
  if (n < 0) {
    if (errno != EINVAL) return SysError("cannot resolve", root_ + "/" + p, errno);
    return Join(std::move(dir).value(), name, path);  // not a link
  }
  std::string_view target(buf, static_cast<size_t>(n));
  if (!target.empty() && target.front() == '/') {
    return MakeError(root_ + "/" + p + " is an absolute link to " + std::string(target), EXDEV);
  }
  return Join(std::move(dir).value(), target, path);
}

Status DirSysfs::Write(std::string_view path, std::string_view value) const {
  std::string p(path);
  // No O_CREAT: an attribute that is not there is an error, never a new file.
  UniqueFd fd(::openat(fd_.get(), p.c_str(), O_WRONLY | O_CLOEXEC));
  if (!fd.valid()) return SysError("cannot open", root_ + "/" + p, errno);
  ssize_t n;
  do {
    n = ::write(fd.get(), value.data(), value.size());
  } while (n < 0 && errno == EINTR);
  if (n < 0) return SysError("cannot write", root_ + "/" + p, errno);
  if (static_cast<size_t>(n) != value.size()) {
    return MakeError("short write to " + root_ + "/" + p, EIO);
  }
  return {};
}

bool DirSysfs::Exists(std::string_view path) const {
  struct stat st {};
  return ::fstatat(fd_.get(), std::string(path).c_str(), &st, 0) == 0;
}

}  // namespace mpx
