#include "scsi/vendor_pages.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mpx::scsi {
namespace {

using Bytes = std::vector<uint8_t>;

// A CLARiiON page 0xC0 as an owned, correctly configured LU answers it.
Bytes ClariionPage() {
  Bytes b(128, 0);
  b[1] = 0xc0;
  b[4] = 2;  // owned
  b[5] = 1;  // default owner SP B
  b[8] = 1;  // this path: SP B
  for (int i = 0; i < 16; ++i) b[10 + i] = static_cast<uint8_t>(0x60 + i);
  b[27] = 3;
  b[28] = 0x04;
  b[30] = 0x04;
  return b;
}

TEST(ClariionPageTest, DecodesTheFields) {
  ClariionUnitPath u = DecodeClariionPage(ClariionPage());
  EXPECT_TRUE(u.KnownFormat());
  EXPECT_TRUE(u.ConfiguredForFailover());
  EXPECT_EQ(u.lun_state, 2);
  EXPECT_EQ(u.default_owner, 1);
  EXPECT_EQ(u.path_sp, 1);
  EXPECT_EQ(u.wwn[0], 0x60);
  EXPECT_EQ(u.wwn[15], 0x6f);
  EXPECT_EQ(u.lun_operations, 0);
}

TEST(ClariionPageTest, FailoverConfiguration) {
  struct Case {
    int byte;
    uint8_t value;
    bool configured;
  } cases[] = {
      {27, 2, false},    {28, 0x06, true},  {28, 0x0e, true},  // only bits 0-2 count
      {28, 0x01, false}, {30, 0x00, false}, {30, 0xff, true},
  };
  for (const Case& c : cases) {
    Bytes b = ClariionPage();
    b[c.byte] = c.value;
    EXPECT_EQ(DecodeClariionPage(b).ConfiguredForFailover(), c.configured)
        << "byte " << c.byte << " = " << int{c.value};
  }
}

TEST(ClariionPageTest, ShortRepliesReadZeroes) {
  ClariionUnitPath u = DecodeClariionPage(Bytes{0, 0xc0, 0, 0, 2});
  EXPECT_TRUE(u.KnownFormat());
  EXPECT_EQ(u.lun_state, 2);
  EXPECT_EQ(u.initiator_type, 0);
  EXPECT_FALSE(u.ConfiguredForFailover());
  EXPECT_FALSE(DecodeClariionPage({}).KnownFormat());
  Bytes wrong_revision = ClariionPage();
  wrong_revision[9] = 1;
  EXPECT_FALSE(DecodeClariionPage(wrong_revision).KnownFormat());
}

Bytes RdacPage(uint8_t avtcvp, uint8_t ppp) {
  Bytes b(48, 0);
  b[1] = 0xc9;
  b[3] = 0x2c;
  b[4] = 'v', b[5] = 'a', b[6] = 'c', b[7] = '1';
  b[8] = avtcvp;
  b[9] = ppp;
  return b;
}

TEST(RdacPageTest, DecodesTheFields) {
  Bytes b = RdacPage(0x31, 0x01);
  b[10] = 0xf3;
  b[11] = 0x06;
  b[12] = 0x1e;
  RdacVolumeAccess v = DecodeRdacPage(b);
  EXPECT_TRUE(v.KnownFormat());
  EXPECT_TRUE(v.LunConnected());
  EXPECT_TRUE(v.Owner());
  EXPECT_TRUE(v.TpgDataEnabled());
  EXPECT_TRUE(v.IoShipping());
  EXPECT_EQ(v.preferred, 1);
  EXPECT_EQ(v.alua_state, 3);
  EXPECT_EQ(v.unavailable_reason, 6);
  EXPECT_EQ(v.alt_alua_state, 0xe);
  EXPECT_EQ(std::string(v.id.data(), 4), "vac1");
}

TEST(RdacPageTest, LunConnected) {
  struct Case {
    uint8_t peripheral;
    bool connected;
  } cases[] = {{0x00, true}, {0x20, false}, {0x7f, false}, {0x01, false}, {0x80, true}};
  for (const Case& c : cases) {
    Bytes b = RdacPage(0, 0);
    b[0] = c.peripheral;
    EXPECT_EQ(DecodeRdacPage(b).LunConnected(), c.connected) << int{c.peripheral};
  }
}

TEST(RdacPageTest, FormatCheck) {
  Bytes b = RdacPage(0, 0);
  b[3] = 0x2b;
  EXPECT_FALSE(DecodeRdacPage(b).KnownFormat());
  b = RdacPage(0, 0);
  b[6] = 'x';
  EXPECT_FALSE(DecodeRdacPage(b).KnownFormat());
  b = RdacPage(0, 0);
  b[7] = '2';  // only "vac" is checked
  EXPECT_TRUE(DecodeRdacPage(b).KnownFormat());
  EXPECT_FALSE(DecodeRdacPage({}).KnownFormat());
}

Bytes Gva(const std::string& tag) {
  Bytes b(36, 0);
  const uint8_t head[] = {0, 0, 0, 0x20, 0x0a, 0x98, 0x0a, 0x01, 0x41};
  std::copy(std::begin(head), std::end(head), b.begin());
  std::copy(tag.begin(), tag.end(), b.begin() + 12);
  return b;
}

TEST(OntapTest, GvaTransport) {
  EXPECT_EQ(DecodeOntapGva(Gva("ism_sw")).transport, OntapTransport::kIscsiSoftware);
  EXPECT_EQ(DecodeOntapGva(Gva("iswt_x")).transport, OntapTransport::kIscsiSoftware);
  EXPECT_EQ(DecodeOntapGva(Gva("ism_sn")).transport, OntapTransport::kIscsiHardware);
  EXPECT_EQ(DecodeOntapGva(Gva("fcp")).transport, OntapTransport::kUnknown);
  EXPECT_EQ(DecodeOntapGva(Gva("ism_s")).transport, OntapTransport::kUnknown);
  OntapGva g = DecodeOntapGva(Gva("ism_sw"));
  EXPECT_TRUE(g.signature_ok);
  EXPECT_EQ(g.total_length, 0x20u);
  EXPECT_EQ(g.page, 0x41);
  Bytes bad = Gva("ism_sw");
  bad[7] = 0;
  EXPECT_FALSE(DecodeOntapGva(bad).signature_ok);
  EXPECT_FALSE(DecodeOntapGva(Bytes{0, 0, 0, 9, 0x0a}).signature_ok);
}

TEST(OntapTest, ProxyPage) {
  Bytes b(20, 0);
  b[1] = 0xc1;
  b[8] = 0x0a, b[9] = 0x98, b[10] = 0x0a, b[11] = 0, b[12] = 0xc1, b[13] = 0;
  b[19] = 0x02;
  OntapProxy p = DecodeOntapProxyPage(b);
  EXPECT_TRUE(p.known_format);
  EXPECT_TRUE(p.proxy);
  b[19] = 0xfd;
  EXPECT_FALSE(DecodeOntapProxyPage(b).proxy);
  b[12] = 0xc0;
  EXPECT_FALSE(DecodeOntapProxyPage(b).known_format);
  EXPECT_FALSE(DecodeOntapProxyPage(Bytes(19, 0)).known_format);
}

Bytes StandardInquiry(size_t size) {
  Bytes b(size, ' ');
  b[0] = 0;
  return b;
}

TEST(HitachiTest, LdevAndController) {
  Bytes b = StandardInquiry(96);
  const std::string tail =
      "0105"
      "00C6"
      "X"
      "1"
      "B";  // serial, LDEV, reserved, CTRL, PORT
  std::copy(tail.begin(), tail.end(), b.begin() + 40);
  HitachiInquiry h = DecodeHitachiInquiry(b);
  EXPECT_EQ(h.ldev, "00C6");
  EXPECT_EQ(h.ctrl, '1');
  EXPECT_EQ(h.port, 'B');
  b[46] = 0;  // "%.4s" stops here
  EXPECT_EQ(DecodeHitachiInquiry(b).ldev, "00");
  HitachiInquiry short_reply = DecodeHitachiInquiry(StandardInquiry(36));
  EXPECT_EQ(short_reply.ldev, "");
  EXPECT_EQ(short_reply.ctrl, 0);
}

TEST(DatacoreTest, SdsName) {
  Bytes b = StandardInquiry(255);
  const std::string name = "SDS-NODE-A";
  std::copy(name.begin(), name.end(), b.begin() + 112);
  b[112 + name.size()] = 0;
  EXPECT_EQ(DatacoreSdsName(b), "SDS-NODE-A");
  Bytes full = StandardInquiry(255);
  EXPECT_EQ(DatacoreSdsName(full), std::string(16, ' '));  // at most 16 bytes
  EXPECT_EQ(DatacoreSdsName(StandardInquiry(100)), "");
}

}  // namespace
}  // namespace mpx::scsi
