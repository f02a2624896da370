#include "scsi/sense.h"

#include <gtest/gtest.h>

namespace mpx::scsi {
namespace {

TEST(SenseTest, FixedFormat) {
  const uint8_t b[18] = {0x70, 0, 0x02, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0x04, 0x0b, 0, 0, 0, 0};
  auto s = DecodeSense(b);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->key, 0x2);
  EXPECT_EQ(s->asc, 0x04);
  EXPECT_EQ(s->ascq, 0x0b);
}

TEST(SenseTest, DescriptorFormat) {
  const uint8_t b[8] = {0x72, 0x06, 0x29, 0x00, 0, 0, 0, 0};
  auto s = DecodeSense(b);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->key, 0x6);
  EXPECT_EQ(s->asc, 0x29);
}

TEST(SenseTest, GarbageAndShortInput) {
  const uint8_t junk[4] = {0x12, 0x34, 0x56, 0x78};
  EXPECT_FALSE(DecodeSense(junk));
  const uint8_t short_desc[2] = {0x72, 0x06};
  EXPECT_FALSE(DecodeSense(short_desc));
  EXPECT_FALSE(DecodeSense({}));
  const uint8_t short_fixed[3] = {0xf0, 0, 0x05};  // valid bit set, no ASC bytes
  auto s = DecodeSense(short_fixed);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->key, 0x5);
  EXPECT_EQ(s->asc, 0);
}

}  // namespace
}  // namespace mpx::scsi
