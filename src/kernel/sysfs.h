// Sysfs: access to a sysfs tree whose root is a parameter.
//
// The product uses DirSysfs("/sys"); unit tests and benchmarks point the same
// implementation at recorded or synthetic trees laid out exactly like /sys.
// Paths are relative to the root, e.g. "block/sda/device/vpd_pg83".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/unique_fd.h"

namespace mpx {

// Implementations must be safe to call from several threads at once.
class Sysfs {
 public:
  virtual ~Sysfs() = default;
  // The raw bytes of an attribute (binary attributes such as vpd_pg83 included).
  virtual Result<std::string> Read(std::string_view path) const = 0;
  // Entry names of a directory, sorted, without "." and "..".
  virtual Result<std::vector<std::string>> List(std::string_view dir) const = 0;
  // The path with every symlink resolved, relative to the root
  // (e.g. "devices/pseudo_0/adapter0/host0/target0:0:0/0:0:0:0").
  virtual Result<std::string> Resolve(std::string_view path) const = 0;
  virtual bool Exists(std::string_view path) const = 0;
  // Writes `value` to an existing attribute in one write(2) (sysfs stores
  // what one write gives), e.g. "change" to "block/sda/uevent".
  virtual Status Write(std::string_view path, std::string_view value) const = 0;
};

// Sysfs over a directory. Thread-safe: holds one directory fd, used only
// with *at() calls.
class DirSysfs : public Sysfs {
 public:
  // Opens `root` (normally "/sys"). Fails if it is not a directory.
  static Result<DirSysfs> Open(std::string root);

  Result<std::string> Read(std::string_view path) const override;
  Result<std::vector<std::string>> List(std::string_view dir) const override;
  Result<std::string> Resolve(std::string_view path) const override;
  bool Exists(std::string_view path) const override;
  Status Write(std::string_view path, std::string_view value) const override;
  const std::string& root() const { return root_; }

 private:
  DirSysfs(std::string root, UniqueFd fd) : root_(std::move(root)), fd_(std::move(fd)) {}
  Result<std::string> Join(std::string dir, std::string_view rel, std::string_view orig) const;
  std::string root_;
  UniqueFd fd_;
};

}  // namespace mpx
