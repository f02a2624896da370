#include "kernel/files.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "base/atomic_file.h"
#include "base/file_lock.h"

namespace mpx {
namespace {

class FlockLease : public FileLease {
 public:
  explicit FlockLease(FileLock lock) : lock_(std::move(lock)) {}

 private:
  FileLock lock_;
};

}  // namespace

Result<std::optional<std::string>> PosixFiles::Read(const std::string& path) const {
  auto text = ReadWholeFile(path);
  if (text.ok()) return std::optional<std::string>(std::move(text).value());
  if (text.error().code == ENOENT) return std::optional<std::string>();
  return text.error();
}

Status PosixFiles::WriteWithMode(const std::string& path, std::string_view text,
                                 unsigned new_mode) {
  std::error_code ec;  // a failure shows as the write's error
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  return WriteFileAtomically(path, text, new_mode);
}

Result<std::vector<std::string>> PosixFiles::List(const std::string& dir) const {
  namespace fs = std::filesystem;
  std::vector<std::string> names;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    if (ec == std::errc::no_such_file_or_directory) return names;
    return MakeError("cannot read " + dir + ": " + ec.message(), ec.value());
  }
  for (const fs::directory_entry& e : it) {
    if (e.is_regular_file(ec)) names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

Result<std::unique_ptr<FileLease>> PosixFiles::Lock(const std::string& path) {
  auto lock = FileLock::Acquire(path);
  if (!lock.ok()) return lock.error();
  return std::unique_ptr<FileLease>(std::make_unique<FlockLease>(std::move(lock).value()));
}

Status PosixFiles::Remove(const std::string& path) {
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) {
    int err = errno;
    return MakeError("cannot remove " + path + ": " + std::strerror(err), err);
  }
  return {};
}

Result<std::string> PosixFiles::RealPath(const std::string& path) const {
  char real[PATH_MAX];
  if (::realpath(path.c_str(), real) == nullptr) {
    int err = errno;
    return MakeError(path + ": " + std::strerror(err), err);
  }
  return std::string(real);
}

}  // namespace mpx
