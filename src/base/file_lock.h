// FileLock: an exclusive flock(2) on a lock file, held for the object's
// lifetime. Serialises concurrent multipath runs.
#pragma once

#include <string>

#include "base/result.h"
#include "base/unique_fd.h"

namespace mpx {

class FileLock {
 public:
  // Creates the file (and its directories) if needed and waits for the lock.
  static Result<FileLock> Acquire(const std::string& path);

 private:
  explicit FileLock(UniqueFd fd) : fd_(std::move(fd)) {}
  UniqueFd fd_;  // closing it releases the lock
};

}  // namespace mpx
