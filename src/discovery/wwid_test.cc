#include "discovery/wwid.h"

#include <gtest/gtest.h>
#include <sys/sysmacros.h>

#include <map>

#include "base/test_dir.h"
#include "testing/synthetic_san.h"

namespace mpx {
namespace {

// Canned INQUIRY pages per (device node, page); everything else fails.
class CannedScsiIo : public ScsiIo {
 public:
  std::map<std::pair<std::string, uint8_t>, std::vector<uint8_t>> pages;
  int calls = 0;
  Result<std::vector<uint8_t>> InquiryVpd(const std::string& devnode, uint8_t page) override {
    ++calls;
    auto it = pages.find({devnode, page});
    if (it == pages.end()) return MakeError(devnode + ": I/O error", EIO);
    return it->second;
  }
  Result<ScsiReply> TestUnitReady(const std::string& devnode) override {
    return MakeError(devnode + ": unused", EIO);
  }
  Result<std::vector<uint8_t>> ReportTargetPortGroups(const std::string& devnode) override {
    return MakeError(devnode + ": unused", EIO);
  }
};

std::string Str(const std::vector<uint8_t>& v) { return std::string(v.begin(), v.end()); }

class WwidTest : public ::testing::Test {
 protected:
  void SetUp() override { fs_.emplace(DirSysfs::Open(dir_.path()).value()); }
  Path MakePath() {
    Path p;
    p.dev = "sdb";
    p.devnode = "/dev/sdb";
    p.major = 8;
    p.minor = 16;
    return p;
  }
  Result<WwidFound> Run(const std::optional<std::string>& pg83) {
    WwidEnv env{*fs_, udev_, scsi_};
    return DetermineWwid(env, MakePath(), pg83);
  }
  testing::TestDir dir_;
  std::optional<DirSysfs> fs_;
  MapUdevDb udev_;
  CannedScsiIo scsi_;
};

TEST_F(WwidTest, UdevPropertyWinsOverVpd) {
  udev_.Set(makedev(8, 16), {{"ID_SERIAL", "1Linux_scsi_debug_2000"}});
  auto w = Run(Str(testing::Vpd83Naa6(1, 1)));
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->wwid, "1Linux_scsi_debug_2000");
  EXPECT_EQ(w->source, "udev ID_SERIAL");
}

TEST_F(WwidTest, ThePerPathChoiceOfPropertyWins) {
  udev_.Set(makedev(8, 16), {{"ID_SERIAL", "serial"}, {"ID_WWN", "0x5000"}});
  WwidEnv env{*fs_, udev_, scsi_};
  std::string asked_for;
  env.uid_attribute_for = [&](const Path& p) {
    asked_for = p.dev;
    return std::string("ID_WWN");
  };
  auto w = DetermineWwid(env, MakePath(), std::nullopt);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->wwid, "0x5000");
  EXPECT_EQ(w->source, "udev ID_WWN");
  EXPECT_EQ(asked_for, "sdb");
}

TEST_F(WwidTest, AnEmptyUidAttributeSkipsUdev) {
  udev_.Set(makedev(8, 16), {{"ID_SERIAL", "serial"}, {"", "odd"}});
  WwidEnv env{*fs_, udev_, scsi_, ""};
  auto w = DetermineWwid(env, MakePath(), Str(testing::Vpd83Naa6(3, 1)));
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->wwid, testing::Naa6Wwid(3));
  EXPECT_EQ(w->source, "sysfs vpd_pg83");
}

TEST_F(WwidTest, UdevWithoutPropertyFallsBackToSysfsPage) {
  udev_.Set(makedev(8, 16), {{"DEVTYPE", "disk"}});
  auto w = Run(Str(testing::Vpd83Naa6(7, 1)));
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->wwid, testing::Naa6Wwid(7));
  EXPECT_EQ(w->source, "sysfs vpd_pg83");
  EXPECT_EQ(scsi_.calls, 0);
}

TEST_F(WwidTest, NoSysfsPageUsesSgIo) {
  scsi_.pages[{"/dev/sdb", 0x83}] = testing::Vpd83Naa6(9, 2);
  auto w = Run(std::nullopt);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->wwid, testing::Naa6Wwid(9));
  EXPECT_EQ(w->source, "SG_IO VPD 0x83");
}

TEST_F(WwidTest, SerialPageIsTheLastResort) {
  scsi_.pages[{"/dev/sdb", 0x80}] = {0x00, 0x80, 0x00, 0x06, 'A', 'B', ' ', 'C', ' ', ' '};
  auto w = Run(std::nullopt);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->wwid, "SAB_C");
  EXPECT_EQ(w->source, "SG_IO VPD 0x80");
}

TEST_F(WwidTest, NoIdentityExplainsEverySource) {
  auto w = Run(std::string("\x00\x83\x00\x08\x01\x03", 6));  // truncated page
  ASSERT_FALSE(w.ok());
  const std::string& m = w.error().message;
  EXPECT_EQ(m.rfind("sdb: no WWID: udev: no database entry; sysfs vpd_pg83: ", 0), 0u) << m;
  EXPECT_NE(m.find("SG_IO VPD 0x80: /dev/sdb: I/O error"), std::string::npos) << m;
}

TEST(TargetPortGroupTest, ReadsTpgDesignator) {
  auto page = testing::Vpd83Naa6(1, 0x102);
  EXPECT_EQ(TargetPortGroup(page), 0x102);
  const uint8_t no_tpg[] = {0x00, 0x83, 0x00, 0x00};
  EXPECT_EQ(TargetPortGroup(no_tpg), std::nullopt);
}

}  // namespace
}  // namespace mpx
