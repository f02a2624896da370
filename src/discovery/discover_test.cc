#include "discovery/discover.h"

#include <gtest/gtest.h>
#include <sys/sysmacros.h>

#include "base/test_dir.h"
#include "base/thread_pool.h"
#include "policy/coalesce.h"
#include "testing/synthetic_san.h"

namespace mpx {
namespace {

class DiscoverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(testing::WriteSyntheticSan(dir_.path(), {.hosts = 3, .luns = 4}).ok());
    fs_.emplace(DirSysfs::Open(dir_.path() + "/sys").value());
  }
  DiscoveryResult Run() {
    WwidEnv env{*fs_, udev_, scsi_};
    return Discover(env, Blacklist::BuiltIn(), pool_);
  }
  testing::TestDir dir_;
  std::optional<DirSysfs> fs_;
  NoUdevDb udev_;
  NoScsiIo scsi_;
  ThreadPool pool_{2};
};

TEST_F(DiscoverTest, FindsEveryPathAndCoalescesByWwid) {
  auto r = Run();
  ASSERT_EQ(r.paths.size(), 12u);
  EXPECT_TRUE(r.skipped.empty());
  auto maps = Coalesce(r.paths);
  ASSERT_EQ(maps.size(), 4u);
  for (size_t l = 0; l < maps.size(); ++l) {
    EXPECT_EQ(maps[l].wwid, testing::Naa6Wwid(l + 1));
    ASSERT_EQ(maps[l].paths.size(), 3u);
    for (size_t h = 0; h < 3; ++h)
      EXPECT_EQ(r.paths.at(maps[l].paths[h]).hctl.host, static_cast<int>(h));
  }
  EXPECT_EQ(r.paths[0].tpg, 1);
  EXPECT_EQ(r.paths[11].tpg, 3);
}

TEST_F(DiscoverTest, SkipsWithReasonsAndGoesOn) {
  dir_.Write("sys/devices/virtual/block/loop0/dev", "7:0\n");
  dir_.Symlink("../devices/virtual/block/loop0", "sys/block/loop0");
  // sdb: a garbled VPD page and no other identity source.
  dir_.Write("sys/devices/pseudo_0/adapter0/host0/target0:0:0/0:0:0:1/vpd_pg83",
             std::string("\x00\x83\x00\x30\x01\x03\x00\x10\x60", 9));
  auto r = Run();
  EXPECT_EQ(r.paths.size(), 11u);
  ASSERT_EQ(r.skipped.size(), 2u);
  EXPECT_EQ(r.skipped[0].dev, "loop0");
  EXPECT_NE(r.skipped[0].reason.find("blacklisted"), std::string::npos);
  EXPECT_EQ(r.skipped[1].dev, "sdb");
  EXPECT_EQ(r.skipped[1].reason.rfind("no WWID: ", 0), 0u) << r.skipped[1].reason;
}

TEST_F(DiscoverTest, WwidBlacklistApplies) {
  Blacklist b = Blacklist::BuiltIn();
  ASSERT_TRUE(b.AddWwid("^" + testing::Naa6Wwid(2) + "$", "test:1").ok());
  WwidEnv env{*fs_, udev_, scsi_};
  auto r = Discover(env, b, pool_);
  EXPECT_EQ(r.paths.size(), 9u);
  EXPECT_EQ(r.skipped.size(), 3u);
}

TEST_F(DiscoverTest, DeviceProtocolAndPropertyBlacklists) {
  Blacklist b = Blacklist::BuiltIn();  // needs a SCSI_IDENT_* or ID_WWN property
  ASSERT_TRUE(b.AddDevice("^Linux$", "^scsi_debug$", "test:1").ok());
  WwidEnv env{*fs_, udev_, scsi_};
  auto r = Discover(env, b, pool_);
  EXPECT_EQ(r.paths.size(), 0u);
  ASSERT_EQ(r.skipped.size(), 12u);
  EXPECT_NE(r.skipped[0].reason.find("test:1"), std::string::npos) << r.skipped[0].reason;

  Blacklist p = Blacklist::BuiltIn();
  ASSERT_TRUE(p.AddProtocol("scsi:unspec", "test:2").ok());
  EXPECT_EQ(Discover(env, p, pool_).paths.size(), 0u);

  // udev knows sda with its ID_SERIAL but without an identifying property:
  // blacklisted. sdb's record lacks ID_SERIAL (udev could not read it): kept.
  MapUdevDb udev;
  udev.Set(makedev(8, 0), {{"ID_SERIAL", "x"}, {"DEVNAME", "/dev/sda"}});
  udev.Set(makedev(8, 16), {{"DEVNAME", "/dev/sdb"}});
  udev.Set(makedev(8, 32), {{"ID_SERIAL", "y"}, {"ID_WWN", "0x1"}});
  WwidEnv uenv{*fs_, udev, scsi_};
  auto u = Discover(uenv, Blacklist::BuiltIn(), pool_);
  ASSERT_EQ(u.skipped.size(), 1u);
  EXPECT_EQ(u.skipped[0].dev, "sda");
  EXPECT_NE(u.skipped[0].reason.find("property"), std::string::npos) << u.skipped[0].reason;
  EXPECT_EQ(u.paths.size(), 11u);
}

TEST_F(DiscoverTest, UsbPathsOnlyWithAllowUsbDevices) {
  const std::string device = "devices/pci0/usb2/2-1/2-1:1.0/host9/target9:0:0/9:0:0:0";
  dir_.Write("sys/" + device + "/type", "0\n");
  const std::vector<uint8_t> page = testing::Vpd83Naa6(42, 1);
  dir_.Write("sys/" + device + "/vpd_pg83", std::string(page.begin(), page.end()));
  dir_.Write("sys/block/sdz/dev", "65:144\n");
  dir_.Write("sys/block/sdz/size", "2048\n");
  dir_.Symlink("../../" + device, "sys/block/sdz/device");
  WwidEnv env{*fs_, udev_, scsi_};
  auto r = Discover(env, Blacklist::BuiltIn(), pool_);
  EXPECT_EQ(r.paths.size(), 12u);
  ASSERT_EQ(r.skipped.size(), 1u);
  EXPECT_EQ(r.skipped[0].dev, "sdz");
  EXPECT_EQ(r.skipped[0].reason, "skip USB device 2-1:1.0");

  env.allow_usb_devices = true;
  r = Discover(env, Blacklist::BuiltIn(), pool_);
  EXPECT_TRUE(r.skipped.empty());
  ASSERT_EQ(r.paths.size(), 13u);
  EXPECT_TRUE(r.paths.Find(PathId{65, 144}) != nullptr);
}

TEST_F(DiscoverTest, SerialFromVpdPage80) {
  dir_.Write("sys/devices/pseudo_0/adapter0/host0/target0:0:0/0:0:0:1/vpd_pg80",
             std::string("\x00\x80\x00\x06  SN42", 10));
  auto r = Run();
  WwidEnv env{*fs_, udev_, scsi_};
  EXPECT_EQ(ReadSerial(env, r.paths[1]), "SN42");
  EXPECT_EQ(ReadSerial(env, r.paths[0]), "");  // no page, no SG_IO here
}

TEST(DiscoverEmptyTest, MissingBlockDirIsReportedNotFatal) {
  testing::TestDir dir;
  auto fs = DirSysfs::Open(dir.path()).value();
  NoUdevDb udev;
  NoScsiIo scsi;
  WwidEnv env{fs, udev, scsi};
  ThreadPool pool(1);
  auto r = Discover(env, Blacklist::BuiltIn(), pool);
  EXPECT_TRUE(r.paths.empty());
  ASSERT_EQ(r.skipped.size(), 1u);
  EXPECT_NE(r.skipped[0].reason.find("cannot open directory"), std::string::npos);
}

}  // namespace
}  // namespace mpx
