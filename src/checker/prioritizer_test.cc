#include "checker/prioritizer.h"

#include <gtest/gtest.h>

namespace mpx {
namespace {

class RtpgIo : public ScsiIo {
 public:
  Result<std::vector<uint8_t>> reply = std::vector<uint8_t>{
      0, 0, 0, 16, 0x01, 0xff, 0x01, 0x00, 0, 0, 0, 0, 0x82, 0xff, 0x01, 0x80, 0, 0, 0, 0};
  Result<std::vector<uint8_t>> InquiryVpd(const std::string& d, uint8_t) override {
    return MakeError(d + ": unused", 5);
  }
  Result<ScsiReply> TestUnitReady(const std::string& d) override {
    return MakeError(d + ": unused", 5);
  }
  Result<std::vector<uint8_t>> ReportTargetPortGroups(const std::string&) override { return reply; }
};

Path AluaPath(std::optional<int> tpg, std::string access_state = "") {
  Path p;
  p.dev = "sdb";
  p.devnode = "/dev/sdb";
  p.tpgs = 1;
  p.tpg = tpg;
  p.alua_state = std::move(access_state);
  return p;
}

TEST(DetectPrioTest, AluaDevicesPreferSysfsWhenTheKernelShowsTheState) {
  EXPECT_EQ(DetectPrio(AluaPath(1, "standby")), PrioKind::kSysfs);
  EXPECT_EQ(DetectPrio(AluaPath(1)), PrioKind::kAlua);
  Path plain;
  EXPECT_EQ(DetectPrio(plain), PrioKind::kConst);
}

TEST(PrioritizeTest, AluaFindsThePathsGroup) {
  RtpgIo io;
  Path p = AluaPath(0x100);
  Prioritize(PrioKind::kAlua, io, p);
  EXPECT_EQ(p.priority, 10);  // active/non-optimized
  EXPECT_EQ(p.prioritizer, "alua");
  p = AluaPath(0x180);
  Prioritize(PrioKind::kAlua, io, p);
  EXPECT_EQ(p.priority, 81);  // standby + preferred
}

TEST(PrioritizeTest, AluaFailuresGiveZeroWithAReason) {
  RtpgIo io;
  Path p = AluaPath(7);
  Prioritize(PrioKind::kAlua, io, p);
  EXPECT_EQ(p.priority, 0);
  EXPECT_EQ(p.prio_message, "sdb: alua: target port group 7 not reported");
  io.reply = MakeError("/dev/sdb: REPORT TARGET PORT GROUPS failed: status 0x2", 5);
  p = AluaPath(0x100);
  Prioritize(PrioKind::kAlua, io, p);
  EXPECT_EQ(p.priority, 0);
  EXPECT_EQ(p.prio_message, "/dev/sdb: REPORT TARGET PORT GROUPS failed: status 0x2");
  p = AluaPath(std::nullopt);
  Prioritize(PrioKind::kAlua, io, p);
  EXPECT_EQ(p.prio_message, "sdb: alua: no target port group in VPD page 0x83");
}

TEST(PrioritizeTest, SysfsAndConst) {
  RtpgIo io;
  Path p = AluaPath(1, "active/non-optimized");
  p.preferred = true;
  Prioritize(PrioKind::kSysfs, io, p);
  EXPECT_EQ(p.priority, 90);
  p = AluaPath(1, "active/optimized");
  p.preferred = true;
  Prioritize(PrioKind::kSysfs, io, p);
  EXPECT_EQ(p.priority, 50);
  Prioritize(PrioKind::kConst, io, p);
  EXPECT_EQ(p.priority, 1);
  EXPECT_EQ(p.prioritizer, "const");
}

}  // namespace
}  // namespace mpx
