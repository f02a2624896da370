#include "engine/check.h"

#include <gtest/gtest.h>

#include <thread>

#include "base/test_dir.h"
#include "kernel/sysfs.h"
#include "testing/fake_scsi.h"

namespace mpx {
namespace {

using testing::DataReply;
using testing::FakeScsiIo;
using testing::RtpgKey;

// REPORT TARGET PORT GROUPS: group 1 in `state` (one port).
std::vector<uint8_t> Rtpg(uint8_t state) {
  return {0, 0, 0, 12, state, 0xff, 0x00, 0x01, 0, 0, 0, 1, 0, 0, 0, 1};
}

// An ALUA path in group 1 whose kernel access_state is `sysfs_state`.
class CheckPathTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("sys/block/sdb/device/access_state", "active/optimized\n");
    sysfs_.emplace(DirSysfs::Open(dir_.path() + "/sys").value());
    io_.On(testing::TurKey(), DataReply({}));
    path_.dev = "sdb";
    path_.devnode = "/dev/sdb";
    path_.sysfs_state = "running";
    path_.tpgs = 1;
    path_.tpg = 1;
    path_.alua_state = "active/optimized";
    config_.prio = "sysfs";
    config_.detect_prio = false;
    config_.detect_checker = false;
  }
  void Check() { CheckPath(CheckIo{io_, &*sysfs_, nullptr}, config_, path_); }

  mpx::testing::TestDir dir_;
  std::optional<DirSysfs> sysfs_;
  FakeScsiIo io_;
  Path path_;
  MapConfig config_;
};

TEST_F(CheckPathTest, TheFirstCheckWaitsForTheKernelsAccessStateToAgreeWithTheTarget) {
  // The target went standby; the kernel learns of it a moment later.
  io_.On(RtpgKey(), DataReply(Rtpg(0x02)));
  std::thread kernel([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    dir_.Write("sys/block/sdb/device/access_state", "standby\n");
  });
  Check();
  kernel.join();
  EXPECT_EQ(path_.alua_state, "standby");
  EXPECT_EQ(path_.priority, 1);
  EXPECT_EQ(io_.Count(RtpgKey()), 1u);
}

TEST_F(CheckPathTest, LaterChecksReadAccessStateAfterTheCheckerWithoutAskingTheTarget) {
  path_.checker = "tur";  // checked before
  dir_.Write("sys/block/sdb/device/access_state", "active/non-optimized\n");
  Check();
  EXPECT_EQ(path_.alua_state, "active/non-optimized");
  EXPECT_EQ(path_.priority, 10);
  EXPECT_EQ(io_.Count(RtpgKey()), 0u);
}

TEST_F(CheckPathTest, ATargetThatDoesNotAnswerLeavesTheKernelsState) {
  io_.On(RtpgKey(), testing::CheckCondition(0x5, 0x20, 0));
  Check();
  EXPECT_EQ(path_.alua_state, "active/optimized");
  EXPECT_EQ(path_.priority, 50);
}

}  // namespace
}  // namespace mpx
