#include "checker/checker.h"

#include <gtest/gtest.h>

#include <optional>
#include <vector>

#include "base/test_dir.h"
#include "testing/fake_scsi.h"

namespace mpx {
namespace {

using testing::DataReply;
using testing::FakeScsiIo;
using testing::VpdKey;

TEST(CheckerTableTest, EveryCheckerTheReferenceNames) {
  std::vector<std::string_view> names;
  for (const CheckerEntry& e : Checkers()) names.push_back(e.name);
  EXPECT_EQ(names, (std::vector<std::string_view>{"readsector0", "tur", "emc_clariion", "hp_sw",
                                                  "rdac", "directio", "cciss_tur", "none"}));
  ASSERT_NE(FindChecker("rdac"), nullptr);
  EXPECT_EQ(FindChecker("rdac")->name, "rdac");
  EXPECT_EQ(FindChecker("TUR"), nullptr);  // names are case-sensitive, as the reference's
  EXPECT_EQ(FindChecker(""), nullptr);
}

TEST(CheckerTableTest, UnknownNamesCheckNothing) {
  FakeScsiIo io;
  EXPECT_EQ(RunChecker("nonsense", io, "/dev/sdb", std::chrono::seconds(30)),
            (CheckResult{PathState::kUndef, "Checker 'nonsense' not found"}));
  EXPECT_TRUE(io.sent().empty());
}

TEST(CheckerTableTest, NoneSendsNothingAndSaysUp) {
  FakeScsiIo io;
  EXPECT_EQ(RunChecker("none", io, "/dev/sdb", std::chrono::seconds(30)),
            (CheckResult{PathState::kUp, ""}));
  EXPECT_TRUE(io.sent().empty());
  EXPECT_EQ(io.reads(), 0u);
}

class CheckerTimeoutTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("block/sdb/device/timeout", "45\n");
    dir_.Write("block/sdc/device/timeout", "junk\n");
    fs_.emplace(DirSysfs::Open(dir_.path()).value());
  }
  Path Dev(const std::string& name) {
    Path p;
    p.dev = name;
    return p;
  }
  testing::TestDir dir_;
  std::optional<DirSysfs> fs_;
};

TEST_F(CheckerTimeoutTest, ConfiguredThenSysfsThenThirtySeconds) {
  std::string origin;
  EXPECT_EQ(CheckerTimeout(*fs_, Dev("sdb"), 7, &origin), std::chrono::seconds(7));
  EXPECT_EQ(origin, "(setting: multipath.conf defaults/devices section)");
  EXPECT_EQ(CheckerTimeout(*fs_, Dev("sdb"), 0, &origin), std::chrono::seconds(45));
  EXPECT_EQ(origin, "(setting: kernel sysfs)");
  EXPECT_EQ(CheckerTimeout(*fs_, Dev("sdc"), 0, &origin), std::chrono::seconds(30));
  EXPECT_EQ(origin, "(setting: multipath internal)");
  EXPECT_EQ(CheckerTimeout(*fs_, Dev("sdz"), 0), std::chrono::seconds(30));
}

std::vector<uint8_t> RdacC9(const char* id) {
  std::vector<uint8_t> b(44, 0);
  b[1] = 0xc9;
  b[3] = 0x2c;
  for (int i = 0; i < 4; ++i) b[4 + i] = static_cast<uint8_t>(id[i]);
  return b;
}

TEST(DetectCheckerTest, RdacThenAluaThenNothing) {
  FakeScsiIo io;
  Path p;
  p.dev = "sdb";
  p.devnode = "/dev/sdb";
  io.On(VpdKey(0xc9), DataReply(RdacC9("vac1")));
  EXPECT_EQ(DetectChecker(io, p, "", std::chrono::seconds(5)), "rdac");
  EXPECT_EQ(DetectChecker(io, p, "rdac", std::chrono::seconds(5)), "rdac");
  EXPECT_EQ(io.sent().back().cmd.cdb, (std::vector<uint8_t>{0x12, 1, 0xc9, 0, 44, 0}));
  // The hardware table names another checker: page 0xC9 is not asked for.
  const size_t asked = io.sent().size();
  EXPECT_EQ(DetectChecker(io, p, "emc_clariion", std::chrono::seconds(5)), "");
  EXPECT_EQ(io.sent().size(), asked);
  p.tpgs = 1;
  EXPECT_EQ(DetectChecker(io, p, "emc_clariion", std::chrono::seconds(5)), "tur");
  io.On(VpdKey(0xc9), DataReply(RdacC9("vac2")));
  EXPECT_EQ(DetectChecker(io, p, "", std::chrono::seconds(5)), "tur");
  p.tpgs = 0;
  io.On(VpdKey(0xc9), testing::CheckCondition(0x5, 0x24, 0));
  EXPECT_EQ(DetectChecker(io, p, "", std::chrono::seconds(5)), "");
}

}  // namespace
}  // namespace mpx
