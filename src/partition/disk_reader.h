// Reading a disk (or an image) by byte ranges, for the partition table
// parsers: the product reads a block device, tests and fuzzers a buffer.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "base/result.h"

namespace mpx {

class DiskReader {
 public:
  virtual ~DiskReader() = default;
  // `length` bytes from `offset`; an error when the range is not all there.
  virtual Result<std::vector<uint8_t>> Read(uint64_t offset, size_t length) = 0;
  virtual uint64_t size_bytes() const = 0;
  // The logical sector size: LBAs in partition tables count these.
  virtual unsigned sector_size() const = 0;
};

// A disk held in memory (tests, fuzzers).
class BufferDisk : public DiskReader {
 public:
  BufferDisk(std::span<const uint8_t> bytes, unsigned sector_size)
      : bytes_(bytes), sector_size_(sector_size) {}
  Result<std::vector<uint8_t>> Read(uint64_t offset, size_t length) override {
    if (offset > bytes_.size() || length > bytes_.size() - offset) {
      return MakeError("read beyond the end of the disk", 5 /*EIO*/);
    }
    return std::vector<uint8_t>(bytes_.begin() + static_cast<ptrdiff_t>(offset),
                                bytes_.begin() + static_cast<ptrdiff_t>(offset + length));
  }
  uint64_t size_bytes() const override { return bytes_.size(); }
  unsigned sector_size() const override { return sector_size_; }

 private:
  std::span<const uint8_t> bytes_;
  unsigned sector_size_;
};

}  // namespace mpx
