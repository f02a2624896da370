#include "partition/crc32.h"

#include <gtest/gtest.h>

#include <string>

namespace mpx {
namespace {

uint32_t Of(const std::string& s) {
  return Crc32({reinterpret_cast<const uint8_t*>(s.data()), s.size()});
}

TEST(Crc32Test, KnownValues) {
  EXPECT_EQ(Of(""), 0u);
  EXPECT_EQ(Of("123456789"), 0xcbf43926u);  // the standard check value
  EXPECT_EQ(Of("The quick brown fox jumps over the lazy dog"), 0x414fa339u);
}

}  // namespace
}  // namespace mpx
