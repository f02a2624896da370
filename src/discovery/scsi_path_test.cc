#include "discovery/scsi_path.h"

#include <gtest/gtest.h>

#include "base/test_dir.h"
#include "testing/synthetic_san.h"

namespace mpx {
namespace {

TEST(ParseHctlTest, Cases) {
  auto h = ParseHctl("3:0:2:17");
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->host, 3);
  EXPECT_EQ(h->target, 2);
  EXPECT_EQ(h->lun, 17u);
  EXPECT_EQ(h->ToString(), "3:0:2:17");
  EXPECT_FALSE(ParseHctl("3:0:2").ok());
  EXPECT_FALSE(ParseHctl("a:0:2:1").ok());
  EXPECT_FALSE(ParseHctl("host0").ok());
}

TEST(ParseDevTTest, Cases) {
  auto d = ParseDevT("65:16\n");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->first, 65u);
  EXPECT_EQ(d->second, 16u);
  EXPECT_FALSE(ParseDevT("8").ok());
  EXPECT_FALSE(ParseDevT("8:x").ok());
  EXPECT_FALSE(ParseDevT("99999:0").ok());
}

class ScsiPathTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(testing::WriteSyntheticSan(dir_.path(), {.hosts = 2, .luns = 2}).ok());
    fs_.emplace(DirSysfs::Open(dir_.path() + "/sys").value());
  }
  testing::TestDir dir_;
  std::optional<DirSysfs> fs_;
};

TEST_F(ScsiPathTest, ReadsIdentityStateAndAlua) {
  auto p = ReadScsiPath(*fs_, "sdd");  // host 1, LUN 1
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->devnode, "/dev/sdd");
  EXPECT_EQ(p->DevT(), "8:48");
  EXPECT_EQ(p->hctl.ToString(), "1:0:0:1");
  EXPECT_EQ(p->vendor, "Linux");
  EXPECT_EQ(p->model, "scsi_debug");
  EXPECT_EQ(p->rev, "0191");
  EXPECT_EQ(p->tpgs, 1);
  EXPECT_EQ(p->sysfs_state, "running");
  EXPECT_EQ(p->size_sectors, 16384u);
  EXPECT_EQ(p->alua_state, "active/non-optimized");
  EXPECT_EQ(p->hw_handler, "alua");
  EXPECT_EQ(p->transport, "unspec");
  EXPECT_EQ(p->sysfs_path, "devices/pseudo_0/adapter1/host1/target1:0:0/1:0:0:1");
}

TEST_F(ScsiPathTest, NonDiskIsRefusedWithReason) {
  std::string inq = testing::StandardInquiry("QEMU", "QEMU CD-ROM");
  inq[0] = 0x05;
  dir_.Write("sys/devices/pseudo_0/adapter0/host0/target0:0:0/0:0:0:0/inquiry", inq);
  auto p = ReadScsiPath(*fs_, "sda");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().message, "sda: SCSI peripheral type 5 is not a disk");
}

TEST(ScsiPathTextAttributesTest, WithoutInquiryAttributeTheTextOnesServe) {
  testing::TestDir dir;
  ASSERT_TRUE(
      testing::WriteSyntheticSan(dir.path(), {.hosts = 1, .luns = 2, .inquiry_attr = false}).ok());
  auto fs = DirSysfs::Open(dir.path() + "/sys").value();
  auto p = ReadScsiPath(fs, "sdb");
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->vendor, "Linux");
  EXPECT_EQ(p->model, "scsi_debug");
  EXPECT_EQ(p->tpgs, 0);
  dir.Write("sys/devices/pseudo_0/adapter0/host0/target0:0:0/0:0:0:0/type", "5\n");
  auto cd = ReadScsiPath(fs, "sda");
  ASSERT_FALSE(cd.ok());
  EXPECT_EQ(cd.error().message, "sda: SCSI peripheral type 5 is not a disk");
}

TEST_F(ScsiPathTest, MalformedDevAttributeNamesDevice) {
  dir_.Write("sys/devices/pseudo_0/adapter0/host0/target0:0:0/0:0:0:0/block/sda/dev", "garbage\n");
  auto p = ReadScsiPath(*fs_, "sda");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().message, "sda: dev attribute not MAJOR:MINOR: \"garbage\"");
}

TEST_F(ScsiPathTest, VanishedDeviceIsAnError) {
  auto p = ReadScsiPath(*fs_, "sdq");
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.error().message.find("block/sdq/dev"), std::string::npos);
}

// A disk `dev` whose SCSI device lives at `device` (under sys/).
void AddDisk(const testing::TestDir& dir, const std::string& dev, const std::string& device) {
  dir.Write("sys/" + device + "/type", "0\n");
  dir.Write("sys/block/" + dev + "/dev", "8:16\n");
  dir.Write("sys/block/" + dev + "/size", "2048\n");
  dir.Symlink("../../" + device, "sys/block/" + dev + "/device");
}

TEST(TargetNodeNameTest, PerTransportAsTheReferenceReadsIt) {
  testing::TestDir dir;
  AddDisk(dir, "sdb", "devices/pci0/host2/rport-2:0-1/target2:0:1/2:0:1:0");
  dir.Write("sys/class/fc_remote_ports/rport-2:0-1/node_name", "0x20000024ff5a1b2c\n");
  AddDisk(dir, "sdc", "devices/platform/host3/session7/target3:0:0/3:0:0:1");
  dir.Write("sys/class/iscsi_session/session7/targetname", "iqn.2003-01.org.linux-iscsi.t:sn\n");
  AddDisk(dir, "sdd", "devices/pci0/host4/port-4:0/end_device-4:0/target4:0:0/4:0:0:0");
  dir.Write("sys/devices/pci0/host4/port-4:0/end_device-4:0/target4:0:0/4:0:0:0/sas_address",
            "0x5000c500a1b2c3d4\n");
  AddDisk(dir, "sde", "devices/pci0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0");
  AddDisk(dir, "sdf", "devices/pseudo_0/adapter0/host7/target7:0:0/7:0:0:0");
  auto fs = DirSysfs::Open(dir.path() + "/sys").value();
  const std::vector<std::pair<std::string, std::string>> want = {
      {"sdb", "0x20000024ff5a1b2c"},
      {"sdc", "iqn.2003-01.org.linux-iscsi.t:sn"},
      {"sdd", "0x5000c500a1b2c3d4"},
      {"sde", "2-1:1.0"},
      {"sdf", ""},
  };
  for (const auto& [dev, node] : want) {
    auto p = ReadScsiPath(fs, dev);
    ASSERT_TRUE(p.ok()) << dev << ": " << p.error().message;
    EXPECT_EQ(p->target_node_name, node) << dev << " (" << p->transport << ")";
  }
}

TEST(TransportTest, FromDevicePath) {
  testing::TestDir dir;
  dir.Write("sys/class/spi_transport/target2:0:1/x", "");
  auto fs = DirSysfs::Open(dir.path() + "/sys").value();
  Hctl h{2, 0, 1, 0};
  EXPECT_EQ(DetectTransport(fs, "devices/pci0/host2/rport-2:0-1/target2:0:1/2:0:1:0", h), "fc");
  EXPECT_EQ(DetectTransport(fs, "devices/platform/host2/session3/target2:0:1/2:0:1:0", h), "iscsi");
  EXPECT_EQ(
      DetectTransport(fs, "devices/pci0/host2/port-2:0/end_device-2:0/target2:0:1/2:0:1:0", h),
      "sas");
  EXPECT_EQ(DetectTransport(fs, "devices/pci0/host2/target2:0:1/2:0:1:0", h), "spi");
  EXPECT_EQ(DetectTransport(fs, "devices/pci0/host2/target2:0:1/2:0:1:0", Hctl{3, 0, 0, 0}),
            "unspec");
}

}  // namespace
}  // namespace mpx
