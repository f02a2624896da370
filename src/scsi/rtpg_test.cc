#include "scsi/rtpg.h"

#include <gtest/gtest.h>

namespace mpx::scsi {
namespace {

// Two groups: 0x100 active/optimized with ports 1 and 2, 0x180 standby and
// preferred with port 3.
std::vector<uint8_t> TwoGroups() {
  return {0,    0,    0,    28,                                        // return data length
          0x00, 0xff, 0x01, 0x00, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 2,  // group 0x100
          0x82, 0xff, 0x01, 0x80, 0, 0, 0, 1, 0, 0, 0, 3};             // group 0x180
}

TEST(RtpgTest, ParsesGroupsStatesPortsAndPreferredBit) {
  size_t needed = 0;
  auto g = ParseRtpg(TwoGroups(), &needed);
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_EQ(needed, 32u);
  ASSERT_EQ(g->size(), 2u);
  EXPECT_EQ((*g)[0].id, 0x100);
  EXPECT_EQ((*g)[0].state, AluaState::kActiveOptimized);
  EXPECT_EQ((*g)[0].relative_ports, (std::vector<uint16_t>{1, 2}));
  EXPECT_EQ((*g)[1].id, 0x180);
  EXPECT_TRUE((*g)[1].preferred);
  EXPECT_EQ((*g)[1].state, AluaState::kStandby);
}

TEST(RtpgTest, ExtendedHeaderIsSkipped) {
  std::vector<uint8_t> r = {0, 0, 0, 12, 0x10, 0, 0, 0, 0x01, 0, 0, 7, 0, 0, 0, 0};
  auto g = ParseRtpg(r);
  ASSERT_TRUE(g.ok()) << g.error().message;
  ASSERT_EQ(g->size(), 1u);
  EXPECT_EQ((*g)[0].id, 7);
  EXPECT_EQ((*g)[0].state, AluaState::kActiveNonOptimized);
}

TEST(RtpgTest, MalformedRepliesAreErrors) {
  auto shortr = ParseRtpg(std::vector<uint8_t>{0, 0});
  ASSERT_FALSE(shortr.ok());
  EXPECT_EQ(shortr.error().message,
            "REPORT TARGET PORT GROUPS reply: header of 2 bytes at offset 0");
  std::vector<uint8_t> cut = TwoGroups();
  cut.resize(20);
  size_t needed = 0;
  auto c = ParseRtpg(cut, &needed);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().code, EOVERFLOW);
  EXPECT_EQ(needed, 32u);
  std::vector<uint8_t> lying = {0, 0, 0, 8, 0, 0, 0, 1, 0, 0, 0, 9};  // 9 ports in 0 bytes
  auto l = ParseRtpg(lying);
  ASSERT_FALSE(l.ok());
  EXPECT_EQ(l.error().message,
            "REPORT TARGET PORT GROUPS reply: target port list beyond the reply at offset 4");
  std::vector<uint8_t> stub = {0, 0, 0, 3, 0, 0, 0};
  EXPECT_FALSE(ParseRtpg(stub).ok());
}

TEST(AluaPriorityTest, ReferenceValues) {
  EXPECT_EQ(AluaPriority(AluaState::kActiveOptimized, false), 50);
  EXPECT_EQ(AluaPriority(AluaState::kActiveOptimized, true), 50);
  EXPECT_EQ(AluaPriority(AluaState::kActiveOptimized, true, true), 130);
  EXPECT_EQ(AluaPriority(AluaState::kActiveNonOptimized, true), 90);
  EXPECT_EQ(AluaPriority(AluaState::kLbaDependent, false), 5);
  EXPECT_EQ(AluaPriority(AluaState::kStandby, false), 1);
  EXPECT_EQ(AluaPriority(AluaState::kUnavailable, false), 0);
  EXPECT_EQ(AluaPriority(AluaState::kTransitioning, false), 0);
  EXPECT_STREQ(AluaStateName(AluaState::kStandby), "standby");
}

TEST(RtpgTest, CdbCarriesAllocationLength) {
  EXPECT_EQ(RtpgCdb(0x1234),
            (std::vector<uint8_t>{0xa3, 0x0a, 0, 0, 0, 0, 0, 0, 0x12, 0x34, 0, 0}));
}

}  // namespace
}  // namespace mpx::scsi
