// Block devices and files as kpartx reads and maps them: reading one (its
// size and logical sector size from the kernel), and loop devices for files.
#pragma once

#include <memory>
#include <string>

#include "base/result.h"
#include "base/unique_fd.h"
#include "partition/disk_reader.h"

namespace mpx {

class BlockDevice : public DiskReader {
 public:
  // Opens `path` read-only: a block device (BLKGETSIZE64, BLKSSZGET) or a
  // regular file (512-byte sectors).
  static Result<std::unique_ptr<BlockDevice>> Open(const std::string& path);
  Result<std::vector<uint8_t>> Read(uint64_t offset, size_t length) override;
  uint64_t size_bytes() const override { return size_; }
  unsigned sector_size() const override { return sector_; }

 private:
  BlockDevice(UniqueFd fd, uint64_t size, unsigned sector)
      : fd_(std::move(fd)), size_(size), sector_(sector) {}
  UniqueFd fd_;
  uint64_t size_;
  unsigned sector_;
};

// The loop device ("/dev/loop3") whose backing file is `file`, or "" when none.
std::string FindLoopDevice(const std::string& file);
// Attaches `file` to a free loop device and returns it; read-only when asked
// or when the file cannot be written.
Result<std::string> AttachLoopDevice(const std::string& file, bool read_only);
Status DetachLoopDevice(const std::string& loop);

}  // namespace mpx
