#include "checker/tur.h"

#include <gtest/gtest.h>

#include <deque>

namespace mpx {
namespace {

ScsiReply CheckCondition(uint8_t key, uint8_t asc, uint8_t ascq) {
  ScsiReply r;
  r.status = 2;
  r.sense = {0x70, 0, key, 0, 0, 0, 0, 10, 0, 0, 0, 0, asc, ascq, 0, 0, 0, 0};
  return r;
}

TEST(InterpretTurTest, Cases) {
  EXPECT_EQ(InterpretTur(ScsiReply{}), PathState::kUp);
  EXPECT_EQ(InterpretTur(CheckCondition(0x2, 0x04, 0x0b)), PathState::kGhost);
  EXPECT_EQ(InterpretTur(CheckCondition(0x2, 0x04, 0x03)), PathState::kDown);
  EXPECT_EQ(InterpretTur(CheckCondition(0x6, 0x29, 0x00)), PathState::kPending);
  EXPECT_EQ(InterpretTur(ScsiReply{0, 0x01, 0, {}}), PathState::kDown);  // DID_NO_CONNECT
  EXPECT_EQ(InterpretTur(ScsiReply{2, 0, 0, {}}), PathState::kDown);     // no sense at all
}

class ScriptedIo : public ScsiIo {
 public:
  std::deque<Result<ScsiReply>> replies;
  int calls = 0;
  Result<ScsiReply> TestUnitReady(const std::string&) override {
    ++calls;
    Result<ScsiReply> r = replies.front();
    if (replies.size() > 1) replies.pop_front();
    return r;
  }
  Result<std::vector<uint8_t>> InquiryVpd(const std::string& d, uint8_t) override {
    return MakeError(d + ": unused", 5);
  }
  Result<std::vector<uint8_t>> ReportTargetPortGroups(const std::string& d) override {
    return MakeError(d + ": unused", 5);
  }
};

TEST(RunTurCheckerTest, RetriesUnitAttention) {
  ScriptedIo io;
  io.replies = {CheckCondition(0x6, 0x29, 0), ScsiReply{}};
  EXPECT_EQ(RunTurChecker(io, "/dev/sdb", nullptr), PathState::kUp);
  EXPECT_EQ(io.calls, 2);
}

TEST(RunTurCheckerTest, PersistentUnitAttentionIsDown) {
  ScriptedIo io;
  io.replies = {CheckCondition(0x6, 0x29, 0)};
  std::string why;
  EXPECT_EQ(RunTurChecker(io, "/dev/sdb", &why), PathState::kDown);
  EXPECT_EQ(io.calls, 4);
  EXPECT_EQ(why, "/dev/sdb: TUR: unit attention persists");
}

TEST(RunTurCheckerTest, OpenFailureIsDownWithReason) {
  ScriptedIo io;
  io.replies = {Result<ScsiReply>(MakeError("/dev/sdb: cannot open: No such device", 19))};
  std::string why;
  EXPECT_EQ(RunTurChecker(io, "/dev/sdb", &why), PathState::kDown);
  EXPECT_EQ(why, "/dev/sdb: cannot open: No such device");
  EXPECT_EQ(CheckerStateName(PathState::kDown), "faulty");
  EXPECT_EQ(CheckerStateName(PathState::kGhost), "ghost");
}

}  // namespace
}  // namespace mpx
