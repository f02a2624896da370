#include "checker/tur.h"

#include <gtest/gtest.h>

#include <cerrno>

#include "testing/fake_scsi.h"

namespace mpx {
namespace {

using testing::CheckCondition;
using testing::FakeScsiIo;
using testing::HostError;
using testing::TurKey;

ScsiReply Descriptor(uint8_t key, uint8_t asc, uint8_t ascq) {
  ScsiReply r;
  r.status = 2;
  r.sense = {0x72, key, asc, ascq, 0, 0, 0, 0};
  return r;
}

TEST(InterpretTurTest, Cases) {
  struct Case {
    const char* what;
    ScsiReply reply;
    PathState state;
  } cases[] = {
      {"good", ScsiReply{}, PathState::kUp},
      {"reservation conflict", ScsiReply{0x18, 0, 0, {}}, PathState::kUp},
      {"standby", CheckCondition(0x2, 0x04, 0x0b), PathState::kGhost},
      {"standby, descriptor sense", Descriptor(0x2, 0x04, 0x0b), PathState::kGhost},
      {"not ready, becoming ready", CheckCondition(0x2, 0x04, 0x01), PathState::kDown},
      {"unit attention", CheckCondition(0x6, 0x29, 0x00), PathState::kPending},
      {"medium error", CheckCondition(0x3, 0x11, 0x00), PathState::kDown},
      {"no sense at all", ScsiReply{2, 0, 0, {}}, PathState::kDown},
      {"fixed sense cut at 13 bytes",
       ScsiReply{2, 0, 0, {0x70, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4}}, PathState::kDown},
      {"DID_NO_CONNECT", HostError(0x01), PathState::kDown},
      {"DID_BAD_TARGET", HostError(0x04), PathState::kDown},
      {"DID_ABORT", HostError(0x05), PathState::kDown},
      {"DID_TRANSPORT_FAILFAST", HostError(0x0f), PathState::kDown},
      {"DID_BUS_BUSY: again", HostError(0x02), PathState::kPending},
      {"DID_TIME_OUT: again", HostError(0x03), PathState::kPending},
  };
  for (const Case& c : cases) EXPECT_EQ(InterpretTur(c.reply), c.state) << c.what;
}

CheckResult Tur(FakeScsiIo& io, std::chrono::milliseconds timeout = std::chrono::seconds(30)) {
  return RunChecker("tur", io, "/dev/sdb", timeout);
}

TEST(TurCheckTest, Verdicts) {
  FakeScsiIo io;
  io.On(TurKey(), ScsiReply{});
  EXPECT_EQ(Tur(io), (CheckResult{PathState::kUp, "tur checker reports path is up"}));
  io.On(TurKey(), CheckCondition(0x2, 0x04, 0x0b));
  EXPECT_EQ(Tur(io), (CheckResult{PathState::kGhost, "tur checker reports path is ghost"}));
  io.On(TurKey(), CheckCondition(0x4, 0x44, 0x00));
  EXPECT_EQ(Tur(io), (CheckResult{PathState::kDown, "tur checker reports path is down"}));
  EXPECT_EQ(io.sent().back().devnode, "/dev/sdb");
  EXPECT_EQ(io.sent().back().cmd.cdb, std::vector<uint8_t>(6, 0));
  EXPECT_EQ(io.sent().back().cmd.data_in, 0u);
}

TEST(TurCheckTest, SendsAgainAfterUnitAttentionAndTransportErrors) {
  FakeScsiIo io;
  io.On(TurKey(), {CheckCondition(0x6, 0x29, 0), HostError(0x07), ScsiReply{}});
  EXPECT_EQ(Tur(io).state, PathState::kUp);
  EXPECT_EQ(io.Count(TurKey()), 3u);
}

TEST(TurCheckTest, FiveAttemptsThenDown) {
  FakeScsiIo io;
  io.On(TurKey(), CheckCondition(0x6, 0x29, 0));
  EXPECT_EQ(Tur(io), (CheckResult{PathState::kDown, "tur checker reports path is down"}));
  EXPECT_EQ(io.Count(TurKey()), 5u);
}

TEST(TurCheckTest, CommandsShareTheTimeout) {
  FakeScsiIo io;
  ScsiReply busy = HostError(0x03);  // DID_TIME_OUT after 400 ms
  busy.elapsed = std::chrono::milliseconds(400);
  io.On(TurKey(), busy);
  EXPECT_EQ(Tur(io, std::chrono::milliseconds(1000)).state, PathState::kDown);
  ASSERT_EQ(io.sent().size(), 3u);  // 1000 ms: 400 + 400 + 400, no fourth
  EXPECT_EQ(io.sent()[0].cmd.timeout_ms, 1000u);
  EXPECT_EQ(io.sent()[1].cmd.timeout_ms, 600u);
  EXPECT_EQ(io.sent()[2].cmd.timeout_ms, 200u);
}

TEST(TurCheckTest, SendFailures) {
  FakeScsiIo io;
  io.On(TurKey(), Result<ScsiReply>(MakeError("/dev/sdb: SG_IO opcode 0x00: Inappropriate ioctl "
                                              "for device",
                                              ENOTTY)));
  EXPECT_EQ(Tur(io), (CheckResult{PathState::kUndef, "tur checker doesn't support this device"}));
  io.On(TurKey(), Result<ScsiReply>(MakeError("/dev/sdb: cannot open: No such device", ENODEV)));
  EXPECT_EQ(Tur(io), (CheckResult{PathState::kDown,
                                  "tur checker reports path is down (/dev/sdb: cannot open: No "
                                  "such device)"}));
  EXPECT_EQ(io.Count(TurKey()), 2u);  // no retries after a send failure
}

TEST(CcissTurCheckTest, Verdicts) {
  FakeScsiIo io;
  auto run = [&] {
    return RunChecker("cciss_tur", io, "/dev/cciss/c0d0", std::chrono::seconds(5));
  };
  io.OnCciss(ScsiReply{});
  EXPECT_EQ(run(), (CheckResult{PathState::kUp, "cciss_tur checker reports path is up"}));
  io.OnCciss(ScsiReply{0, 4, 0, {}});  // CommandStatus 4: target status
  EXPECT_EQ(run(), (CheckResult{PathState::kDown, "cciss_tur checker reports path is down"}));
  io.OnCciss(ScsiReply{2, 0, 0, {}});
  EXPECT_EQ(run().state, PathState::kDown);
  io.OnCciss(
      Result<ScsiReply>(MakeError("/dev/sdb: CCISS_GETLUNINFO: Inappropriate ioctl for "
                                  "device",
                                  ENOTTY)));
  EXPECT_EQ(run(),
            (CheckResult{PathState::kUndef, "cciss_tur checker doesn't support this device"}));
  io.OnCciss(Result<ScsiReply>(MakeError("/dev/c: CCISS_PASSTHRU: Input/output error", EIO)));
  EXPECT_EQ(run(), (CheckResult{PathState::kDown,
                                "cciss_tur checker reports path is down (/dev/c: CCISS_PASSTHRU: "
                                "Input/output error)"}));
}

TEST(RunTurCheckerTest, KeepsItsContract) {
  FakeScsiIo io;
  io.On(TurKey(), ScsiReply{});
  std::string why = "unchanged";
  EXPECT_EQ(RunTurChecker(io, "/dev/sdb", &why), PathState::kUp);
  EXPECT_EQ(why, "unchanged");
  io.On(TurKey(), CheckCondition(0x5, 0x20, 0));
  EXPECT_EQ(RunTurChecker(io, "/dev/sdb", &why), PathState::kDown);
  EXPECT_EQ(why, "/dev/sdb: tur checker reports path is down");
  EXPECT_EQ(io.sent().back().cmd.timeout_ms, 30000u);
  EXPECT_EQ(CheckerStateName(PathState::kDown), "faulty");
  EXPECT_EQ(CheckerStateName(PathState::kGhost), "ghost");
}

}  // namespace
}  // namespace mpx
