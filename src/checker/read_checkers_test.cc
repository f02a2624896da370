#include "checker/read_checkers.h"

#include <gtest/gtest.h>

#include <cerrno>

#include "testing/fake_scsi.h"

namespace mpx {
namespace {

using testing::CheckCondition;
using testing::FakeScsiIo;
using testing::Read10Key;

CheckResult CheckWith(const char* name, FakeScsiIo& io) {
  return RunChecker(name, io, "/dev/sdb", std::chrono::seconds(30));
}

TEST(Readsector0Test, Verdicts) {
  FakeScsiIo io;
  io.On(Read10Key(), testing::DataReply(std::vector<uint8_t>(512, 0)));
  EXPECT_EQ(CheckWith("readsector0", io),
            (CheckResult{PathState::kUp, "readsector0 checker reports path is up"}));
  const ScsiCommand read = io.sent().back().cmd;
  EXPECT_EQ(read.cdb, (std::vector<uint8_t>{0x28, 0, 0, 0, 0, 0, 0, 0, 1, 0}));
  EXPECT_EQ(read.data_in, 4096u);
  io.On(Read10Key(), CheckCondition(0x3, 0x11, 0));
  EXPECT_EQ(CheckWith("readsector0", io),
            (CheckResult{PathState::kDown, "readsector0 checker reports path is down"}));
}

TEST(Readsector0Test, UnitAttentionThreeTimesAtMost) {
  FakeScsiIo io;
  io.On(Read10Key(), {CheckCondition(0x6, 0x29, 0), CheckCondition(0x6, 0x2a, 9), ScsiReply{}});
  EXPECT_EQ(CheckWith("readsector0", io).state, PathState::kUp);
  EXPECT_EQ(io.Count(Read10Key()), 3u);
  FakeScsiIo stuck;
  stuck.On(Read10Key(), CheckCondition(0x6, 0x29, 0));
  EXPECT_EQ(CheckWith("readsector0", stuck).state, PathState::kDown);
  EXPECT_EQ(stuck.Count(Read10Key()), 3u);
}

TEST(Readsector0Test, SendFailures) {
  FakeScsiIo io;
  io.On(Read10Key(),
        Result<ScsiReply>(MakeError("/dev/sdb: SG_IO: Cannot allocate memory", ENOMEM)));
  // The reference takes ENOMEM for a busy system, not a bad path.
  EXPECT_EQ(CheckWith("readsector0", io).state, PathState::kUp);
  io.On(Read10Key(), Result<ScsiReply>(MakeError("/dev/sdb: cannot open: No such device or "
                                                 "address",
                                                 ENXIO)));
  EXPECT_EQ(CheckWith("readsector0", io),
            (CheckResult{PathState::kDown,
                         "readsector0 checker reports path is down (/dev/sdb: cannot open: No "
                         "such device or address)"}));
  io.On(Read10Key(), Result<ScsiReply>(MakeError("/dev/sdb: SG_IO: not a tty", ENOTTY)));
  EXPECT_EQ(CheckWith("readsector0", io),
            (CheckResult{PathState::kUndef, "readsector0 checker doesn't support this device"}));
}

BlockRead Read(size_t block, size_t bytes, int error = 0, bool timed_out = false) {
  BlockRead r;
  r.block_size = block;
  r.bytes = bytes;
  r.error = error;
  r.timed_out = timed_out;
  r.elapsed = std::chrono::milliseconds(timed_out ? 30000 : 2);
  return r;
}

TEST(DirectioTest, InterpretDirectRead) {
  EXPECT_EQ(InterpretDirectRead(Read(4096, 4096)),
            (CheckResult{PathState::kUp, "directio checker reports path is up"}));
  EXPECT_EQ(InterpretDirectRead(Read(512, 512)).state, PathState::kUp);
  EXPECT_EQ(InterpretDirectRead(Read(4096, 0, EIO)),
            (CheckResult{PathState::kDown,
                         "directio checker reports path is down (Input/output error)"}));
  EXPECT_EQ(InterpretDirectRead(Read(4096, 512)),
            (CheckResult{PathState::kDown,
                         "directio checker reports path is down (read 512 of 4096 bytes)"}));
  EXPECT_EQ(InterpretDirectRead(Read(0, 0, 0, true)),
            (CheckResult{PathState::kDown,
                         "directio checker reports path is down (no answer within 30000 ms)"}));
  EXPECT_EQ(InterpretDirectRead(Read(0, 0)).state, PathState::kDown);
}

TEST(DirectioTest, ReadsOnceThroughTheBlockLayer) {
  FakeScsiIo io;
  io.OnRead({Read(4096, 4096)});
  EXPECT_EQ(CheckWith("directio", io).state, PathState::kUp);
  EXPECT_EQ(io.reads(), 1u);
  EXPECT_TRUE(io.sent().empty());  // no SCSI command
  io.OnRead({Result<BlockRead>(MakeError("/dev/sdb: cannot open: No such device", ENODEV))});
  EXPECT_EQ(CheckWith("directio", io),
            (CheckResult{PathState::kDown,
                         "directio checker reports path is down (/dev/sdb: cannot open: No such "
                         "device)"}));
}

}  // namespace
}  // namespace mpx
