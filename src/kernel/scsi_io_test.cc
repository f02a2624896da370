#include "kernel/scsi_io.h"

#include <gtest/gtest.h>

#include <cerrno>

namespace mpx {
namespace {

// An implementation written for the three typed commands only.
class TypedOnlyIo : public ScsiIo {
 public:
  int turs = 0;
  Result<ScsiReply> TestUnitReady(const std::string&) override {
    ++turs;
    return ScsiReply{2, 0, 0, {0x70, 0, 0x02}};
  }
  Result<std::vector<uint8_t>> InquiryVpd(const std::string& d, uint8_t page) override {
    if (page != 0xc9) return MakeError(d + ": INQUIRY failed", EIO);
    return std::vector<uint8_t>{0, 0xc9, 0, 4, 'v', 'a', 'c', '1'};
  }
  Result<std::vector<uint8_t>> ReportTargetPortGroups(const std::string&) override {
    return std::vector<uint8_t>{0, 0, 0, 0};
  }
};

TEST(ScsiIoTest, ExecuteDefaultsToTheTypedCommands) {
  TypedOnlyIo io;
  auto tur = io.Execute("/dev/sdb", ScsiCommand{std::vector<uint8_t>(6, 0)});
  ASSERT_TRUE(tur.ok());
  EXPECT_EQ(tur->status, 2);
  EXPECT_EQ(io.turs, 1);
  auto vpd = io.Execute("/dev/sdb", ScsiCommand{{0x12, 1, 0xc9, 0, 6, 0}, 6});
  ASSERT_TRUE(vpd.ok());
  EXPECT_TRUE(vpd->good());
  EXPECT_EQ(vpd->data, (std::vector<uint8_t>{0, 0xc9, 0, 4, 'v', 'a'}));  // cut to data_in
  auto failed = io.Execute("/dev/sdb", ScsiCommand{{0x12, 1, 0x80, 0, 255, 0}, 255});
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().message, "/dev/sdb: INQUIRY failed");
  auto rtpg = io.Execute("/dev/sdb", ScsiCommand{{0xa3, 0x0a, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0}, 1024});
  ASSERT_TRUE(rtpg.ok());
  EXPECT_EQ(rtpg->data.size(), 4u);
  auto other = io.Execute("/dev/sdb", ScsiCommand{{0x28, 0, 0, 0, 0, 0, 0, 0, 1, 0}, 4096});
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, EOPNOTSUPP);
  EXPECT_EQ(other.error().message, "/dev/sdb: SCSI command not supported here");
  auto std_inquiry = io.Execute("/dev/sdb", ScsiCommand{{0x12, 0, 0, 0, 255, 0}, 255});
  EXPECT_EQ(std_inquiry.error().code, EOPNOTSUPP);
  EXPECT_EQ(io.ReadFirstBlock("/dev/sdb", 1000).error().code, EOPNOTSUPP);
  EXPECT_EQ(io.CcissTestUnitReady("/dev/sdb", 1000).error().code, ENOTTY);
}

TEST(ScsiIoTest, NoScsiIoRefusesEverything) {
  NoScsiIo io;
  EXPECT_EQ(io.Execute("/dev/sdb", ScsiCommand{std::vector<uint8_t>(6, 0)}).error().message,
            "/dev/sdb: no SCSI access in this context");
  EXPECT_EQ(io.ReadFirstBlock("/dev/sdb", 1).error().code, ENODEV);
  EXPECT_EQ(io.TestUnitReady("/dev/sdb").error().code, ENODEV);
}

TEST(SgIoTest, MissingNodesAndBadCommandsAreSendErrors) {
  SgIo io;
  auto r = io.Execute("/nonexistent/sdq", ScsiCommand{std::vector<uint8_t>(6, 0)});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ENOENT);
  EXPECT_EQ(r.error().message, "/nonexistent/sdq: cannot open: No such file or directory");
  EXPECT_EQ(io.Execute("/dev/null", ScsiCommand{}).error().code, EINVAL);
  auto read = io.ReadFirstBlock("/nonexistent/sdq", 1000);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code, ENOENT);
  // /dev/null is no SCSI device: SG_IO is refused.
  auto null = io.Execute("/dev/null", ScsiCommand{std::vector<uint8_t>(6, 0)});
  ASSERT_FALSE(null.ok());
  EXPECT_EQ(null.error().code, ENOTTY);
}

}  // namespace
}  // namespace mpx
