#include "kernel/sysfs.h"

#include <gtest/gtest.h>

#include "base/test_dir.h"

namespace mpx {
namespace {

class DirSysfsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("sys/devices/host0/0:0:0:0/vendor", "Linux   \n");
    dir_.Write("sys/devices/host0/0:0:0:0/block/sda/dev", "8:0\n");
    dir_.Write("sys/devices/host0/0:0:0:0/vpd_pg83", std::string("\0\x83\0\0", 4));
    dir_.Symlink("../../../0:0:0:0", "sys/devices/host0/0:0:0:0/block/sda/device");
    dir_.Symlink("../devices/host0/0:0:0:0/block/sda", "sys/block/sda");
    dir_.Symlink("../../../..", "sys/block/escape");
    auto fs = DirSysfs::Open(dir_.path() + "/sys");
    ASSERT_TRUE(fs.ok()) << fs.error().message;
    fs_.emplace(std::move(fs).value());
  }
  testing::TestDir dir_;
  std::optional<DirSysfs> fs_;
};

TEST_F(DirSysfsTest, ReadsTextAndBinaryAttributes) {
  EXPECT_EQ(fs_->Read("block/sda/dev").value(), "8:0\n");
  EXPECT_EQ(fs_->Read("block/sda/device/vendor").value(), "Linux   \n");
  EXPECT_EQ(fs_->Read("block/sda/device/vpd_pg83").value(), std::string("\0\x83\0\0", 4));
}

TEST_F(DirSysfsTest, ListIsSorted) {
  auto names = fs_->List("block");
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(names.value(), (std::vector<std::string>{"escape", "sda"}));
}

TEST_F(DirSysfsTest, ResolveFollowsRelativeLinksInsideRoot) {
  EXPECT_EQ(fs_->Resolve("block/sda/device").value(), "devices/host0/0:0:0:0");
}

TEST_F(DirSysfsTest, ResolveRefusesToLeaveRoot) {
  auto r = fs_->Resolve("block/escape");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("outside the sysfs root"), std::string::npos);
}

TEST_F(DirSysfsTest, MissingFileNamesThePath) {
  auto r = fs_->Read("block/sda/device/wwid");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("/sys/block/sda/device/wwid"), std::string::npos);
  EXPECT_EQ(r.error().code, ENOENT);
  EXPECT_FALSE(fs_->Exists("block/sdb"));
  EXPECT_TRUE(fs_->Exists("block/sda/dev"));
}

TEST_F(DirSysfsTest, WriteGoesToTheAttributeThroughLinks) {
  dir_.Write("sys/devices/host0/0:0:0:0/block/sda/uevent", "");
  ASSERT_TRUE(fs_->Write("block/sda/uevent", "change").ok());
  EXPECT_EQ(fs_->Read("devices/host0/0:0:0:0/block/sda/uevent").value(), "change");
}

TEST_F(DirSysfsTest, WriteNeverCreatesAnAttribute) {
  auto s = fs_->Write("block/sda/no_such_attr", "1");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("/sys/block/sda/no_such_attr"), std::string::npos)
      << s.error().message;
  EXPECT_FALSE(fs_->Exists("block/sda/no_such_attr"));
}

TEST(DirSysfsOpenTest, MissingRootIsAnError) {
  auto r = DirSysfs::Open("/nonexistent-mpx-root");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("/nonexistent-mpx-root"), std::string::npos);
}

}  // namespace
}  // namespace mpx
