#include "checker/scsi_step.h"

#include <gtest/gtest.h>

#include "testing/fake_scsi.h"

namespace mpx {
namespace {

using testing::CheckCondition;

TEST(BudgetTest, LeftAndSpent) {
  Budget b(std::chrono::milliseconds(1500));
  EXPECT_EQ(b.LeftMs(), 1500u);
  b.Charge(std::chrono::microseconds(1499500));
  EXPECT_EQ(b.LeftMs(), 1u);  // never 0: SG_IO reads 0 as its default
  EXPECT_FALSE(b.Spent());
  b.Charge(std::chrono::microseconds(500));
  EXPECT_TRUE(b.Spent());
  EXPECT_EQ(b.LeftMs(), 1u);
}

TEST(ReplySenseKeyTest, OnlyAfterAnErrorStatusAndFromThreeBytes) {
  EXPECT_EQ(ReplySenseKey(CheckCondition(0x5, 0x24, 0)), 0x5);
  ScsiReply desc{0x02, 0, 0, {0x72, 0x06, 0x29, 0}};
  EXPECT_EQ(ReplySenseKey(desc), 0x6);
  ScsiReply terminated{0x22, 0, 0, {0x70, 0, 0x01}};
  EXPECT_EQ(ReplySenseKey(terminated), 0x1);
  ScsiReply driver_sense{0, 0, 0x08, {0x70, 0, 0x03}};
  EXPECT_EQ(ReplySenseKey(driver_sense), 0x3);
  ScsiReply good_with_sense{0, 0, 0, {0x70, 0, 0x05}};
  EXPECT_EQ(ReplySenseKey(good_with_sense), std::nullopt);
  ScsiReply short_sense{0x02, 0, 0, {0x70, 0}};
  EXPECT_EQ(ReplySenseKey(short_sense), std::nullopt);
}

TEST(ReadStrictSenseTest, Formats) {
  StrictSense s = ReadStrictSense(CheckCondition(0x2, 0x04, 0x0b).sense);
  EXPECT_EQ(s.key, 0x2);
  EXPECT_EQ(s.asc, 0x04);
  EXPECT_EQ(s.ascq, 0x0b);
  s = ReadStrictSense({0x73, 0x06, 0x29, 0x01});
  EXPECT_EQ(s.key, 0x6);
  EXPECT_EQ(s.ascq, 0x01);
  EXPECT_EQ(ReadStrictSense({0x70, 0, 0x06, 0}).key, 0);  // fixed needs 14 bytes
  EXPECT_EQ(ReadStrictSense({0x71, 0, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x29, 0}).key, 0x6);
  EXPECT_EQ(ReadStrictSense({0x7f, 0x06, 0x29, 0}).key, 0);
  EXPECT_EQ(ReadStrictSense({}).key, 0);
}

TEST(ClassifyInquiryTest, Cases) {
  EXPECT_EQ(ClassifyInquiry(ScsiReply{}), InquiryOutcome::kData);
  EXPECT_EQ(ClassifyInquiry(ScsiReply{0x01, 0, 0, {}}), InquiryOutcome::kData);  // reserved bit
  EXPECT_EQ(ClassifyInquiry(CheckCondition(0x1, 0, 0)), InquiryOutcome::kData);
  EXPECT_EQ(ClassifyInquiry(CheckCondition(0x5, 0x24, 0)), InquiryOutcome::kUnsupported);
  EXPECT_EQ(ClassifyInquiry(CheckCondition(0x2, 0x04, 0x03)), InquiryOutcome::kFailed);
  EXPECT_EQ(ClassifyInquiry(testing::HostError(0x01)), InquiryOutcome::kFailed);
}

TEST(TransientHostErrorTest, TheFourTheReferenceRetries) {
  for (uint16_t host = 0; host < 0x20; ++host) {
    const bool expected = host == 0x02 || host == 0x07 || host == 0x0b || host == 0x0e;
    EXPECT_EQ(TransientHostError(testing::HostError(host)), expected) << host;
  }
}

}  // namespace
}  // namespace mpx
