// Files: the configuration, state and lock files mpx reads and writes
// (/etc/multipath.conf and conf.d, the bindings and wwids files, the lock, the
// find_multipaths records), behind an interface so that the flows run over an
// in-memory fake (testing/mem_files.h) with injected failures.
//
// The product uses PosixFiles. Writes are atomic (temporary file, fsync,
// rename, fsync of the directory): a reader sees the old or the new text.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace mpx {

// A held lock; destroying it releases the lock.
class FileLease {
 public:
  virtual ~FileLease() = default;
};

class Files {
 public:
  virtual ~Files() = default;
  // The whole file; nullopt when it does not exist. Other failures (a
  // directory, no permission) are errors naming the file.
  virtual Result<std::optional<std::string>> Read(const std::string& path) const = 0;
  // Replaces the file atomically, creating its directories. A new file gets
  // `new_mode` (0644 unless given); an existing one keeps its mode.
  Status Write(const std::string& path, std::string_view text) {
    return WriteWithMode(path, text, 0644);
  }
  virtual Status WriteWithMode(const std::string& path, std::string_view text,
                               unsigned new_mode) = 0;
  // Names of the regular files in `dir`, sorted bytewise; a missing
  // directory has none.
  virtual Result<std::vector<std::string>> List(const std::string& dir) const = 0;
  // Waits for an exclusive lock on `path` (created with its directories).
  virtual Result<std::unique_ptr<FileLease>> Lock(const std::string& path) = 0;
  // The path with every symbolic link resolved (/dev/mapper/x -> /dev/dm-0).
  virtual Result<std::string> RealPath(const std::string& path) const = 0;
  // Deletes a file; a missing one is fine.
  virtual Status Remove(const std::string& path) = 0;
};

class PosixFiles : public Files {
 public:
  using Files::Write;
  Result<std::optional<std::string>> Read(const std::string& path) const override;
  Status WriteWithMode(const std::string& path, std::string_view text, unsigned new_mode) override;
  Result<std::vector<std::string>> List(const std::string& dir) const override;
  Result<std::unique_ptr<FileLease>> Lock(const std::string& path) override;
  Result<std::string> RealPath(const std::string& path) const override;
  Status Remove(const std::string& path) override;
};

}  // namespace mpx
