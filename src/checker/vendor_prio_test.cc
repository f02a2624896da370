#include "checker/vendor_prio.h"

#include <gtest/gtest.h>
#include <sys/sysmacros.h>

#include "testing/fake_scsi.h"

namespace mpx {
namespace {

using testing::CheckCondition;
using testing::DataReply;
using testing::FakeScsiIo;
using testing::StdInquiryKey;
using testing::VpdKey;

Path MakePath() {
  Path p;
  p.dev = "sdb";
  p.devnode = "/dev/sdb";
  p.major = 8;
  p.minor = 16;
  return p;
}

std::vector<uint8_t> HitachiInquiry(const std::string& ldev, char ctrl) {
  std::vector<uint8_t> b(255, ' ');
  b[0] = 0;
  std::copy(ldev.begin(), ldev.end(), b.begin() + 44);
  b[49] = static_cast<uint8_t>(ctrl);
  b[50] = 'A';
  return b;
}

TEST(HdsTest, ControllerAndLdevParity) {
  auto prio = [](const std::string& ldev, char ctrl) {
    return HdsInquiryPriority("sdb", scsi::DecodeHitachiInquiry(HitachiInquiry(ldev, ctrl)));
  };
  EXPECT_EQ(prio("00C6", '0'), (PrioResult{1, ""}));
  EXPECT_EQ(prio("00C6", '1'), (PrioResult{0, ""}));
  EXPECT_EQ(prio("00CB", '1'), (PrioResult{1, ""}));
  EXPECT_EQ(prio("00CF", '8'), (PrioResult{0, ""}));
  EXPECT_EQ(prio("0009", '9'), (PrioResult{1, ""}));
  EXPECT_EQ(prio("00cb", '1'),
            (PrioResult{-1, "sdb: hds prio: CTRL '1' or LDEV '00cb' not recognised"}));
  EXPECT_EQ(prio("00C6", 'A').priority, -1);
  EXPECT_EQ(HdsInquiryPriority("sdb", scsi::DecodeHitachiInquiry(std::vector<uint8_t>(36, 0))),
            (PrioResult{-1, "sdb: hds prio: CTRL '' or LDEV '' not recognised"}));
}

TEST(HdsTest, Io) {
  FakeScsiIo io;
  Path p = MakePath();
  io.On(StdInquiryKey(), DataReply(HitachiInquiry("0105", '2')));
  EXPECT_EQ(RunPrioritizer("hds", "", PrioIo{io}, p, std::chrono::milliseconds(0)).priority, 0);
  const ScsiCommand sent = io.sent().back().cmd;
  EXPECT_EQ(sent.cdb, (std::vector<uint8_t>{0x12, 0, 0, 0, 255, 0}));
  EXPECT_EQ(sent.timeout_ms, 2000u);  // the reference's default for hds
  io.On(StdInquiryKey(), CheckCondition(0x5, 0x24, 0));
  EXPECT_EQ(RunPrioritizer("hds", "", PrioIo{io}, p, std::chrono::milliseconds(0)),
            (PrioResult{-1, "sdb: hds prio: SCSI error"}));
}

std::vector<uint8_t> Gva(const std::string& tag, uint8_t page = 0x41, uint8_t len = 0x20) {
  std::vector<uint8_t> b(64, 0);
  const uint8_t head[] = {0, 0, 0, len, 0x0a, 0x98, 0x0a, 0x01, page};
  std::copy(std::begin(head), std::end(head), b.begin());
  std::copy(tag.begin(), tag.end(), b.begin() + 12);
  return b;
}

std::vector<uint8_t> ProxyPage(bool proxy) {
  std::vector<uint8_t> b(64, 0);
  b[1] = 0xc1;
  b[8] = 0x0a, b[9] = 0x98, b[10] = 0x0a, b[11] = 0, b[12] = 0xc1, b[13] = 0;
  b[19] = proxy ? 0x02 : 0;
  return b;
}

TEST(OntapTest, Priority) {
  const std::vector<uint8_t> gva_key = {0xc0};
  struct Case {
    const char* what;
    std::vector<uint8_t> gva;
    std::optional<std::vector<uint8_t>> proxy;
    PrioResult result;
  } cases[] = {
      {"iSCSI hardware", Gva("ism_sn"), std::nullopt, {3, ""}},
      {"iSCSI software", Gva("ism_sw"), std::nullopt, {2, ""}},
      {"iswt", Gva("iswt"), std::nullopt, {2, ""}},
      {"FC proxy", Gva("fcp"), ProxyPage(true), {1, ""}},
      {"FC direct", Gva("fcp"), ProxyPage(false), {4, ""}},
      {"short GVA: proxy", Gva("ism_sw", 0x41, 8), ProxyPage(true), {1, ""}},
      {"GVA page error",
       Gva("ism_sw", 0x40),
       ProxyPage(false),
       {4, "sdb: ontap prio: GVA page 0x41 error - results[8] = 0x40"}},
      {"no proxy page", Gva("fcp"), std::nullopt, {4, ""}},
      {"proxy page unknown",
       Gva("fcp"),
       std::vector<uint8_t>(64, 0),
       {4, "sdb: ontap prio: proxy info page in unknown format"}},
  };
  for (const Case& c : cases) {
    FakeScsiIo io;
    io.On(gva_key, DataReply(c.gva));
    if (c.proxy) io.On(VpdKey(0xc1), DataReply(*c.proxy));
    Path p = MakePath();
    EXPECT_EQ(RunPrioritizer("ontap", "", PrioIo{io}, p, std::chrono::seconds(10)), c.result)
        << c.what;
    EXPECT_EQ(io.sent()[0].cmd.cdb,
              (std::vector<uint8_t>{0xc0, 0, 1, 0x0a, 0x98, 0x0a, 0x41, 0x80, 0, 0}));
  }
}

TEST(OntapTest, VendorCommandFailures) {
  FakeScsiIo io;
  Path p = MakePath();
  io.On({0xc0}, CheckCondition(0x5, 0x20, 0));
  EXPECT_EQ(RunPrioritizer("ontap", "", PrioIo{io}, p, std::chrono::seconds(10)),
            (PrioResult{0, "sdb: ontap prio: SCSI error"}));
  std::vector<uint8_t> wrong = Gva("ism_sw");
  wrong[6] = 0;
  io.On({0xc0}, DataReply(wrong));
  EXPECT_EQ(RunPrioritizer("ontap", "", PrioIo{io}, p, std::chrono::seconds(10)),
            (PrioResult{0, "sdb: ontap prio: GVA return wrong format"}));
  EXPECT_EQ(io.Count(VpdKey(0xc1)), 0u);
}

std::vector<uint8_t> DatacoreInquiry(const std::string& sds) {
  std::vector<uint8_t> b(255, 0);
  std::copy(sds.begin(), sds.end(), b.begin() + 112);
  return b;
}

TEST(DatacoreTest, Priority) {
  FakeScsiIo io;
  Path p = MakePath();
  io.On(StdInquiryKey(), DataReply(DatacoreInquiry("SDS-BERLIN-01")));
  EXPECT_EQ(RunPrioritizer("datacore", "preferredsds=BERLIN", PrioIo{io}, p,
                           std::chrono::milliseconds(0)),
            (PrioResult{1, ""}));
  EXPECT_EQ(io.sent().back().cmd.timeout_ms, 2000u);
  EXPECT_EQ(RunPrioritizer("datacore", "timeout=900 preferredsds=PARIS", PrioIo{io}, p,
                           std::chrono::milliseconds(0)),
            (PrioResult{0, ""}));
  EXPECT_EQ(io.sent().back().cmd.timeout_ms, 900u);
  EXPECT_EQ(RunPrioritizer("datacore", "timeout=900 preferredsds=BERLIN", PrioIo{io}, p,
                           std::chrono::milliseconds(600))
                .priority,
            1);
  EXPECT_EQ(io.sent().back().cmd.timeout_ms, 600u);  // never beyond the caller's timeout
  EXPECT_EQ(RunPrioritizer("datacore", "", PrioIo{io}, p, std::chrono::milliseconds(0)),
            (PrioResult{0, "sdb: datacore prio: unexpected prio_args format"}));
  io.On(StdInquiryKey(), CheckCondition(0x2, 0x04, 0x01));
  EXPECT_EQ(RunPrioritizer("datacore", "preferredsds=BERLIN", PrioIo{io}, p,
                           std::chrono::milliseconds(0)),
            (PrioResult{0, ""}));
}

TEST(IetTest, Priority) {
  const std::vector<std::string> links = {"pci-0000:00:1f.2-ata-1",
                                          "ip-192.168.1.10:3260-iscsi-iqn.2001-04.com.example:"
                                          "storage-lun-0"};
  EXPECT_EQ(IetPriority("192.168.1.10", links), 20);
  EXPECT_EQ(IetPriority("192.168.1.100", links), 20);  // the reference compares a prefix
  EXPECT_EQ(IetPriority("192.168.1.11", links), 10);
  EXPECT_EQ(IetPriority("192.168.1.10", {}), 10);
}

TEST(IetTest, LinksFromUdev) {
  FakeScsiIo io;
  MapUdevDb udev;
  Path p = MakePath();
  udev.Set(makedev(8, 16),
           {{"DEVLINKS",
             "/dev/disk/by-id/scsi-3600 /dev/disk/by-path/ip-10.0.0.7:3260-iscsi-iqn.x-lun-1"}});
  PrioIo pio{io, nullptr, &udev};
  EXPECT_EQ(RunPrioritizer("iet", "preferredip=10.0.0.7", pio, p, std::chrono::seconds(1)),
            (PrioResult{20, ""}));
  EXPECT_EQ(RunPrioritizer("iet", "preferredip=10.0.0.8", pio, p, std::chrono::seconds(1)),
            (PrioResult{10, ""}));
  EXPECT_EQ(RunPrioritizer("iet", "preferredip=10.0.0.7", PrioIo{io}, p, std::chrono::seconds(1)),
            (PrioResult{10, ""}));
  EXPECT_EQ(RunPrioritizer("iet", "", pio, p, std::chrono::seconds(1)),
            (PrioResult{0, "sdb: iet prio: unexpected prio_args format"}));
  EXPECT_EQ(RunPrioritizer("iet", "preferredip=1.2.3.4", pio, p, std::chrono::seconds(1)),
            (PrioResult{0, "sdb: iet prio: prio args: preferredip too short"}));
  EXPECT_TRUE(io.sent().empty());
}

}  // namespace
}  // namespace mpx
