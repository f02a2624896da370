#include "checker/hp_sw.h"

#include <gtest/gtest.h>

#include <cerrno>

#include "testing/fake_scsi.h"

namespace mpx {
namespace {

using testing::CheckCondition;
using testing::DataReply;
using testing::FakeScsiIo;
using testing::TurKey;
using testing::VpdKey;

CheckResult Check(FakeScsiIo& io) {
  return RunChecker("hp_sw", io, "/dev/sdb", std::chrono::seconds(30));
}

TEST(HpSwCheckTest, SerialPageThenTur) {
  FakeScsiIo io;
  io.On(VpdKey(0x80), DataReply({0, 0x80, 0, 4, 'A', 'B', 'C', 'D'}));
  io.On(TurKey(), ScsiReply{});
  EXPECT_EQ(Check(io), (CheckResult{PathState::kUp, "hp_sw checker reports path is up"}));
  EXPECT_EQ(io.sent()[0].cmd.cdb, (std::vector<uint8_t>{0x12, 1, 0x80, 0, 255, 0}));
  io.On(TurKey(), CheckCondition(0x2, 0x04, 0x02));
  EXPECT_EQ(Check(io), (CheckResult{PathState::kGhost, "hp_sw checker reports path is ghost"}));
  io.On(TurKey(), Result<ScsiReply>(MakeError("/dev/sdb: SG_IO: I/O error", EIO)));
  EXPECT_EQ(Check(io).state, PathState::kGhost);
}

TEST(HpSwCheckTest, SerialPageFailures) {
  FakeScsiIo io;
  io.On(TurKey(), ScsiReply{});
  io.On(VpdKey(0x80), CheckCondition(0x1, 0x17, 0));
  EXPECT_EQ(Check(io).state, PathState::kUp);  // recovered error: fine
  io.On(VpdKey(0x80), CheckCondition(0x5, 0x24, 0));
  EXPECT_EQ(Check(io),
            (CheckResult{PathState::kUndef, "hp_sw checker doesn't support this device"}));
  io.On(VpdKey(0x80), CheckCondition(0x2, 0x04, 0x02));
  EXPECT_EQ(Check(io), (CheckResult{PathState::kDown, "hp_sw checker reports path is down"}));
  io.On(VpdKey(0x80), Result<ScsiReply>(MakeError("/dev/sdb: SG_IO: not a tty", ENOTTY)));
  EXPECT_EQ(Check(io).state, PathState::kUndef);
  EXPECT_EQ(io.Count(TurKey()), 1u);  // TUR only after a usable INQUIRY
}

TEST(HpSwPrioTest, TurPriority) {
  EXPECT_EQ(HpSwTurPriority(ScsiReply{}), 4);
  EXPECT_EQ(HpSwTurPriority(CheckCondition(0x1, 0, 0)), 4);
  EXPECT_EQ(HpSwTurPriority(CheckCondition(0x2, 0x04, 0x02)), 2);
  EXPECT_EQ(HpSwTurPriority(CheckCondition(0x2, 0x04, 0x03)), 0);
  EXPECT_EQ(HpSwTurPriority(CheckCondition(0x6, 0x29, 0x02)), -1);
  EXPECT_EQ(HpSwTurPriority(CheckCondition(0x6, 0x2a, 0x09)), 0);
  EXPECT_EQ(HpSwTurPriority(ScsiReply{2, 0, 0, {0x72, 0x02, 0x04, 0x02}}), 2);
  EXPECT_EQ(HpSwTurPriority(ScsiReply{2, 0, 0, {0x70, 0, 0x02}}), 0);  // no ASC/ASCQ
  EXPECT_EQ(HpSwTurPriority(testing::HostError(0x01)), 0);
}

TEST(HpSwPrioTest, Io) {
  FakeScsiIo io;
  Path p;
  p.dev = "sdb";
  p.devnode = "/dev/sdb";
  PrioIo pio{io};
  io.On(TurKey(), {CheckCondition(0x6, 0x29, 0), CheckCondition(0x2, 0x04, 0x02)});
  EXPECT_EQ(RunPrioritizer("hp_sw", "", pio, p, std::chrono::milliseconds(0)), (PrioResult{2, ""}));
  EXPECT_EQ(io.Count(TurKey()), 2u);
  FakeScsiIo resetting;
  resetting.On(TurKey(), CheckCondition(0x6, 0x29, 0));
  EXPECT_EQ(RunPrioritizer("hp_sw", "", PrioIo{resetting}, p, std::chrono::milliseconds(0)),
            (PrioResult{0, ""}));
  EXPECT_EQ(resetting.Count(TurKey()), 5u);
  io.On(TurKey(), Result<ScsiReply>(MakeError("/dev/sdb: cannot open: No such device", ENODEV)));
  EXPECT_EQ(RunPrioritizer("hp_sw", "", pio, p, std::chrono::milliseconds(0)),
            (PrioResult{0,
                        "sdb: hp_sw prio: sending tur command failed (/dev/sdb: cannot open: "
                        "No such device)"}));
}

}  // namespace
}  // namespace mpx
