// A disk image written field by field in memory, for the partition table
// tests: byte offsets, explicit byte orders.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "partition/disk_reader.h"

namespace mpx {

class TestImage {
 public:
  explicit TestImage(size_t bytes) : bytes_(bytes) {}
  void Le(size_t at, uint64_t v, int n) {
    for (int i = 0; i < n; ++i)
      bytes_.at(at + static_cast<size_t>(i)) = static_cast<uint8_t>(v >> (8 * i));
  }
  void Be(size_t at, uint64_t v, int n) {
    for (int i = 0; i < n; ++i) {
      bytes_.at(at + static_cast<size_t>(i)) = static_cast<uint8_t>(v >> (8 * (n - 1 - i)));
    }
  }
  uint8_t& operator[](size_t at) { return bytes_.at(at); }
  size_t size() const { return bytes_.size(); }
  BufferDisk disk(unsigned sector_size = 512) const { return BufferDisk(bytes_, sector_size); }

 private:
  std::vector<uint8_t> bytes_;
};

}  // namespace mpx
