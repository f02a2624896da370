#include "scsi/inquiry.h"

#include <gtest/gtest.h>

namespace mpx::scsi {
namespace {

std::vector<uint8_t> Make(uint8_t byte0, uint8_t byte5, const std::string& text) {
  std::vector<uint8_t> d(8 + text.size());
  d[0] = byte0;
  d[5] = byte5;
  for (size_t i = 0; i < text.size(); ++i) d[8 + i] = static_cast<uint8_t>(text[i]);
  return d;
}

TEST(StandardInquiryTest, ScsiDebugDisk) {
  auto q = DecodeStandardInquiry(Make(0x00, 0x10, "Linux   scsi_debug      0191"));
  ASSERT_TRUE(q.ok()) << q.error().message;
  EXPECT_EQ(q->device_type, 0);
  EXPECT_EQ(q->tpgs, 1);
  EXPECT_EQ(q->vendor, "Linux");
  EXPECT_EQ(q->product, "scsi_debug");
  EXPECT_EQ(q->revision, "0191");
}

TEST(StandardInquiryTest, TypeQualifierAndTpgs) {
  auto q = DecodeStandardInquiry(Make(0x25, 0x30, "QEMU    QEMU CD-ROM     2.5+"));
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->qualifier, 1);
  EXPECT_EQ(q->device_type, 5);
  EXPECT_EQ(q->tpgs, 3);
  EXPECT_EQ(q->product, "QEMU CD-ROM");
}

TEST(StandardInquiryTest, ShortDataIsAnError) {
  auto q = DecodeStandardInquiry(Make(0, 0, "short"));
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(q.error().message, "standard INQUIRY data of 13 bytes, need at least 36");
}

}  // namespace
}  // namespace mpx::scsi
