#include "cmd/multipath_command.h"

#include <gtest/gtest.h>

#include "base/test_dir.h"
#include "testing/synthetic_san.h"

namespace mpx {
namespace {

// Every TEST UNIT READY succeeds; no VPD over SG_IO.
class ReadyIo : public ScsiIo {
 public:
  Result<std::vector<uint8_t>> InquiryVpd(const std::string& d, uint8_t) override {
    return MakeError(d + ": no", EIO);
  }
  Result<ScsiReply> TestUnitReady(const std::string&) override { return ScsiReply{}; }
  Result<std::vector<uint8_t>> ReportTargetPortGroups(const std::string& d) override {
    return MakeError(d + ": no", EIO);
  }
};

class MultipathCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(testing::WriteSyntheticSan(dir_.path(), {.hosts = 2, .luns = 3}).ok());
    fs_.emplace(DirSysfs::Open(dir_.path() + "/sys").value());
  }
  CommandOutput Run(std::vector<std::string> args) {
    auto o = ParseMultipathOptions(args);
    EXPECT_TRUE(o.ok());
    MultipathEnv env{*fs_, udev_, io_};
    return RunMultipath(o.value(), env);
  }
  testing::TestDir dir_;
  std::optional<DirSysfs> fs_;
  NoUdevDb udev_;
  ReadyIo io_;
};

TEST_F(MultipathCommandTest, DryRunPrintsEveryMapInReferenceLayout) {
  CommandOutput r = Run({"-d"});
  EXPECT_EQ(r.exit_code, 0);
  const std::string w1 = testing::Naa6Wwid(1);
  EXPECT_EQ(r.out.substr(0, r.out.find('\n', r.out.find('\n') + 1) + 1),
            ": " + w1 + " undef Linux,scsi_debug\n"
            "size=8.0M features='0' hwhandler='1 alua' wp=undef\n");
  // detect_prio: ALUA with access_state → sysfs prioritizer; host 0 is active/optimized.
  EXPECT_NE(r.out.find("|-+- policy='service-time 0' prio=50 status=undef\n"
                       "| `- 0:0:0:0 sda 8:0  undef ready running\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("`-+- policy='service-time 0' prio=10 status=undef\n"), std::string::npos);
  EXPECT_NE(r.out.find("  `- 1:0:0:0 sdd 8:48 undef ready running\n"), std::string::npos) << r.out;
  size_t maps = 0;
  for (size_t p = r.out.find("\n: "); p != std::string::npos; p = r.out.find("\n: ", p + 1)) ++maps;
  EXPECT_EQ(maps, 2u);  // the first header starts the output
}

TEST_F(MultipathCommandTest, VerbosityOnePrintsNames) {
  CommandOutput r = Run({"-d", "-v1"});
  EXPECT_EQ(r.out, testing::Naa6Wwid(1) + "\n" + testing::Naa6Wwid(2) + "\n" + testing::Naa6Wwid(3) + "\n");
}

TEST_F(MultipathCommandTest, DeviceArgumentSelectsItsMap) {
  CommandOutput by_dev = Run({"-d", "-v1", "/dev/sde"});  // host 1, LUN 1
  EXPECT_EQ(by_dev.out, testing::Naa6Wwid(2) + "\n");
  CommandOutput by_devt = Run({"-d", "-v1", "8:0"});
  EXPECT_EQ(by_devt.out, testing::Naa6Wwid(1) + "\n");
  CommandOutput by_wwid = Run({"-d", "-v1", testing::Naa6Wwid(3)});
  EXPECT_EQ(by_wwid.out, testing::Naa6Wwid(3) + "\n");
}

TEST_F(MultipathCommandTest, UnknownDeviceIsAnError) {
  CommandOutput r = Run({"-d", "sdzz"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "multipath: sdzz: no such path, WWID or map\n");
  EXPECT_TRUE(r.out.empty());
}

TEST_F(MultipathCommandTest, CreatingWithoutDryRunIsRefusedForNow) {
  CommandOutput r = Run({});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("not implemented yet"), std::string::npos);
}

TEST_F(MultipathCommandTest, JsonHasPathsSkippedAndMaps) {
  dir_.Write("sys/devices/virtual/block/loop0/dev", "7:0\n");
  dir_.Symlink("../devices/virtual/block/loop0", "sys/block/loop0");
  CommandOutput r = Run({"-d", "--json"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("{\n  \"schema_version\": \"1.0\",\n  \"paths\": [\n", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("\"wwid_source\": \"sysfs vpd_pg83\""), std::string::npos);
  EXPECT_NE(r.out.find("\"checker_state\": \"ready\""), std::string::npos);
  EXPECT_NE(r.out.find("\"dev\": \"loop0\",\n      \"reason\": \"devnode blacklisted"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\"uuid\": \"mpath-" + testing::Naa6Wwid(2) + "\""), std::string::npos);
}

}  // namespace
}  // namespace mpx
