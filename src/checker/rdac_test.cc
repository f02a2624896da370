#include "checker/rdac.h"

#include <gtest/gtest.h>

#include <cerrno>

#include "testing/fake_scsi.h"

namespace mpx {
namespace {

using testing::CheckCondition;
using testing::DataReply;
using testing::FakeScsiIo;
using testing::HostError;
using testing::VpdKey;

struct C9 {
  uint8_t peripheral = 0, avtcvp = 0, ppp = 0, aas = 0, reason = 0, alt = 0;
};

std::vector<uint8_t> PageC9(const C9& c) {
  std::vector<uint8_t> b(48, 0);
  b[0] = c.peripheral;
  b[1] = 0xc9;
  b[3] = 0x2c;
  b[4] = 'v', b[5] = 'a', b[6] = 'c', b[7] = '1';
  b[8] = c.avtcvp;
  b[9] = c.ppp;
  b[10] = c.aas;
  b[11] = c.reason;
  b[12] = c.alt;
  return b;
}

CheckResult Down(const std::string& why) {
  return {PathState::kDown, "rdac checker reports path is down: " + why};
}

TEST(RdacPageVerdictTest, Cases) {
  const CheckResult up{PathState::kUp, "rdac checker reports path is up"};
  const CheckResult ghost{PathState::kGhost, "rdac checker reports path is ghost"};
  struct Case {
    const char* what;
    C9 page;
    CheckResult verdict;
  } cases[] = {
      {"owner", {.avtcvp = 0x01}, up},
      {"I/O shipping", {.avtcvp = 0x20}, up},
      {"not the owner", {}, ghost},
      {"no LU: qualifier 1", {.peripheral = 0x20, .avtcvp = 1}, Down("lun not connected")},
      {"no LU: device type", {.peripheral = 0x1f, .avtcvp = 1}, Down("lun not connected")},
      {"unavailable without TPG data", {.avtcvp = 0x01, .aas = 0x3}, up},
      {"unavailable", {.avtcvp = 0x11, .aas = 0x3}, Down("ctlr is unavailable")},
      {"non-responsive",
       {.avtcvp = 0x11, .aas = 0x3, .reason = 2},
       Down("non-responsive to queries")},
      {"in reset", {.avtcvp = 0x11, .aas = 0x3, .reason = 3}, Down("ctlr held in reset")},
      {"firmware 4", {.avtcvp = 0x11, .aas = 0x3, .reason = 4}, Down("ctlr firmware downloading")},
      {"firmware 5", {.avtcvp = 0x11, .aas = 0x3, .reason = 5}, Down("ctlr firmware downloading")},
      {"quiesced",
       {.avtcvp = 0x11, .aas = 0x3, .reason = 6},
       Down("ctlr quiesced by admin request")},
      {"service mode", {.avtcvp = 0x11, .aas = 0xf3, .reason = 7}, Down("ctlr is in service mode")},
      {"booting", {.avtcvp = 0x11, .aas = 0xf, .alt = 0x0}, Down("ctlr is in startup sequence")},
      {"both transitioning", {.avtcvp = 0x11, .aas = 0xf, .alt = 0xf}, up},
      {"both transitioning, standby", {.avtcvp = 0x10, .aas = 0xf, .alt = 0xf}, ghost},
      {"offline port", {.avtcvp = 0x11, .aas = 0xe}, up},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(RdacPageVerdict(scsi::DecodeRdacPage(PageC9(c.page))), c.verdict) << c.what;
  }
}

CheckResult Check(FakeScsiIo& io) {
  return RunChecker("rdac", io, "/dev/sdb", std::chrono::seconds(30));
}

TEST(RdacCheckTest, Io) {
  FakeScsiIo io;
  io.On(VpdKey(0xc9), DataReply(PageC9({.avtcvp = 1})));
  EXPECT_EQ(Check(io).state, PathState::kUp);
  EXPECT_EQ(io.sent()[0].cmd.cdb, (std::vector<uint8_t>{0x12, 1, 0xc9, 0, 48, 0}));
  // A RECOVERED ERROR's data counts (none here: the zeroes say "not the owner").
  io.On(VpdKey(0xc9), CheckCondition(0x1, 0x17, 0));
  EXPECT_EQ(Check(io).state, PathState::kGhost);
  io.On(VpdKey(0xc9), CheckCondition(0x5, 0x24, 0));
  EXPECT_EQ(Check(io),
            (CheckResult{PathState::kUndef, "rdac checker doesn't support this device"}));
  io.On(VpdKey(0xc9), CheckCondition(0x2, 0x04, 0x01));
  EXPECT_EQ(Check(io), Down("inquiry failed"));
  io.On(VpdKey(0xc9), Result<ScsiReply>(MakeError("/dev/sdb: SG_IO: not a tty", ENOTTY)));
  EXPECT_EQ(Check(io).state, PathState::kUndef);
  io.On(VpdKey(0xc9), Result<ScsiReply>(MakeError("/dev/sdb: SG_IO: No such device", ENODEV)));
  EXPECT_EQ(Check(io), Down("inquiry failed (/dev/sdb: SG_IO: No such device)"));
  FakeScsiIo busy;
  busy.On(VpdKey(0xc9), {HostError(0x0b), DataReply(PageC9({.avtcvp = 1}))});
  EXPECT_EQ(Check(busy).state, PathState::kUp);
  EXPECT_EQ(busy.Count(VpdKey(0xc9)), 2u);
}

TEST(RdacPrioTest, PagePriority) {
  auto prio = [](C9 c) {
    return RdacPagePriority("sdb", scsi::DecodeRdacPage(PageC9(c))).priority;
  };
  EXPECT_EQ(prio({}), 0);
  EXPECT_EQ(prio({.avtcvp = 0x01}), 2);
  EXPECT_EQ(prio({.avtcvp = 0x01, .ppp = 0x01}), 6);
  EXPECT_EQ(prio({.ppp = 0x02}), 1);
  EXPECT_EQ(prio({.avtcvp = 0x21, .ppp = 0xf1}), 14);  // only bits 0-3 of the PPP byte
  EXPECT_EQ(prio({.ppp = 0x03}), 0);
  std::vector<uint8_t> b = PageC9({});
  b[5] = 'x';
  EXPECT_EQ(RdacPagePriority("sdb", scsi::DecodeRdacPage(b)),
            (PrioResult{0, "sdb: rdac prio: volume access control page in unknown format"}));
}

TEST(RdacPrioTest, Io) {
  FakeScsiIo io;
  Path p;
  p.dev = "sdc";
  p.devnode = "/dev/sdc";
  PrioIo pio{io};
  io.On(VpdKey(0xc9), DataReply(PageC9({.avtcvp = 1, .ppp = 1})));
  EXPECT_EQ(RunPrioritizer("rdac", "", pio, p, std::chrono::milliseconds(0)), (PrioResult{6, ""}));
  EXPECT_EQ(io.sent().back().cmd.cdb, (std::vector<uint8_t>{0x12, 1, 0xc9, 0, 128, 0}));
  io.On(VpdKey(0xc9), CheckCondition(0x5, 0x24, 0));
  EXPECT_EQ(RunPrioritizer("rdac", "", pio, p, std::chrono::milliseconds(0)),
            (PrioResult{0, "sdc: rdac prio: inquiry command indicates error"}));
}

// MODE SENSE(10) data of the control mode page, TAS as given.
std::vector<uint8_t> ControlPage(bool tas) {
  std::vector<uint8_t> b(20, 0);
  b[1] = 18;  // mode data length
  b[8] = 0x0a;
  b[9] = 0x0a;
  b[13] = tas ? 0x40 : 0;
  return b;
}

TEST(RdacTasTest, SetsTheBitWhenItCan) {
  EXPECT_TRUE(TasBit(ControlPage(true)));
  EXPECT_FALSE(TasBit(ControlPage(false)));
  EXPECT_FALSE(TasBit(std::vector<uint8_t>(13, 0xff)));
  std::vector<uint8_t> select = TasSelectData(ControlPage(false));
  EXPECT_EQ(select.size(), 20u);
  EXPECT_EQ(select[1], 0);
  EXPECT_EQ(select[13], 0x40);

  FakeScsiIo io;
  const std::vector<uint8_t> current = {0x5a, 0x08, 0x0a};
  const std::vector<uint8_t> changeable = {0x5a, 0x08, 0x4a};
  const std::vector<uint8_t> mode_select = {0x55};
  io.On(current, DataReply(ControlPage(true)));
  EXPECT_TRUE(RdacEnableTas(io, "/dev/sdb", std::chrono::seconds(5)));
  EXPECT_EQ(io.sent().size(), 1u);
  io.On(current, DataReply(ControlPage(false)));
  io.On(changeable, DataReply(ControlPage(false)));
  EXPECT_FALSE(RdacEnableTas(io, "/dev/sdb", std::chrono::seconds(5)));
  EXPECT_EQ(io.Count(mode_select), 0u);
  io.On(changeable, DataReply(ControlPage(true)));
  io.On(mode_select, ScsiReply{});
  EXPECT_TRUE(RdacEnableTas(io, "/dev/sdb", std::chrono::seconds(5)));
  ASSERT_EQ(io.Count(mode_select), 1u);
  const ScsiCommand sent = io.sent().back().cmd;
  EXPECT_EQ(sent.cdb, (std::vector<uint8_t>{0x55, 0x01, 0, 0, 0, 0, 0, 0, 20, 0}));
  EXPECT_EQ(sent.data_out, select);
  io.On(mode_select, CheckCondition(0x5, 0x26, 0));
  EXPECT_FALSE(RdacEnableTas(io, "/dev/sdb", std::chrono::seconds(5)));
}

}  // namespace
}  // namespace mpx
