#include "scsi/vpd.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cerrno>
#include <string>
#include <vector>

namespace mpx::scsi {
namespace {

using Bytes = std::vector<uint8_t>;

// Expected strings below were checked against multipath-tools 0.9.4 itself
// (libmultipath get_vpd_sgio() fed these pages through a faked SG_IO).

Bytes Hex(std::string_view hex) {
  Bytes out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<uint8_t>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  }
  return out;
}

Bytes Text(std::string_view s) { return Bytes(s.begin(), s.end()); }

// A designation descriptor: code set, association, type, identifier.
Bytes Desc(uint8_t code_set, uint8_t association, uint8_t type, const Bytes& id) {
  Bytes d(4 + id.size());
  d[0] = code_set;
  d[1] = static_cast<uint8_t>((association << 4) | type);
  d[3] = static_cast<uint8_t>(id.size());
  std::copy(id.begin(), id.end(), d.begin() + 4);
  return d;
}
Bytes Naa(std::string_view hex) { return Desc(1, 0, 3, Hex(hex)); }
Bytes Eui(std::string_view hex) { return Desc(1, 0, 2, Hex(hex)); }
Bytes T10(std::string_view text) { return Desc(2, 0, 1, Text(text)); }
Bytes Name(std::string_view text) { return Desc(3, 0, 8, Text(text)); }

Bytes Page(uint8_t code, const std::vector<Bytes>& descs) {
  Bytes body;
  for (const Bytes& d : descs) body.insert(body.end(), d.begin(), d.end());
  Bytes p(4 + body.size());  // (built by copy: g++ 12 -Warray-bounds misfires on insert)
  p[1] = code;
  p[2] = static_cast<uint8_t>(body.size() >> 8);
  p[3] = static_cast<uint8_t>(body.size());
  std::copy(body.begin(), body.end(), p.begin() + 4);
  return p;
}
Bytes Page83(const std::vector<Bytes>& descs) { return Page(0x83, descs); }

struct WwidCase {
  const char* name;
  Bytes page;
  std::string wwid;
};

// scsi_debug (vpd_use_hostno=0) LUN 0: T10 vendor id, locally assigned NAA,
// then target-port designators (relative port, NAA of the port, TPG).
Bytes ScsiDebugPage() {
  return Page83({T10("Linux   scsi_debug      2000"), Naa("33333330000007d0"),
                 Desc(1, 1, 4, Hex("00000001")), Desc(1, 1, 3, Hex("52222220000007d0")),
                 Desc(1, 1, 5, Hex("00000100"))});
}

TEST(Vpd83WwidTest, SingleDesignatorFormats) {
  const std::vector<WwidCase> cases = {
      {"NAA 2", Page83({Naa("2000001122334455")}), "32000001122334455"},
      {"NAA 3", Page83({Naa("33333330000007d0")}), "333333330000007d0"},
      {"NAA 5", Page83({Naa("5000C50015EA71AC")}), "35000c50015ea71ac"},
      {"NAA 6", Page83({Naa("600A098038303053453F463045727A45")}),
       "3600a098038303053453f463045727a45"},
      {"EUI-64 8", Page83({Eui("0011223344AABBCC")}), "20011223344aabbcc"},
      {"EUI-64 12", Page83({Eui("0011223344AABBCC01020304")}), "20011223344aabbcc01020304"},
      {"EUI-64 16", Page83({Eui("0011223344AABBCC0102030405060708")}),
       "20011223344aabbcc0102030405060708"},
      {"T10 scsi_debug", Page83({T10("Linux   scsi_debug      2000")}), "1Linux_scsi_debug_2000"},
      {"T10 qemu", Page83({T10("QEMU    QEMU HARDDISK   drive-scsi0")}),
       "1QEMU_QEMU_HARDDISK_drive-scsi0"},
      {"T10 trailing spaces dropped", Page83({T10("VEND    PROD    ")}), "1VEND_PROD"},
      {"T10 leading space kept as _", Page83({T10(" VEND   X")}), "1_VEND_X"},
      {"T10 8-char vendor runs on", Page83({T10("ABCDEFGHprod")}), "1ABCDEFGHprod"},
      {"T10 vendor only", Page83({T10("Linux   ")}), "1Linux"},
      {"T10 cut at NUL", Page83({T10(std::string_view("VEND    ab\0cd", 13))}), "1VEND_ab"},
      {"name eui.", Page83({Name("eui.0011AABB")}), "20011aabb"},
      {"name naa. lowercased", Page83({Name("naa.600A0980ABCD")}), "3600a0980abcd"},
      {"name iqn. keeps case", Page83({Name("iqn.2003-01.org.Linux:Tgt")}),
       "82003-01.org.Linux:Tgt"},
      {"name NUL padded", Page83({Name(std::string_view("naa.5ABC\0\0\0\0", 12))}), "35abc"},
      {"name trailing space", Page83({Name("eui.AB  ")}), "2ab"},
      {"NAA in ASCII code set still hex", Page83({Desc(2, 0, 3, Hex("5000c50015ea71ac"))}),
       "35000c50015ea71ac"},
      {"scsi_debug LUN", ScsiDebugPage(), "1Linux_scsi_debug_2000"},
  };
  for (const auto& c : cases) {
    auto wwid = WwidFromVpd83(c.page);
    ASSERT_TRUE(wwid.ok()) << c.name << ": " << wwid.error().message;
    EXPECT_EQ(*wwid, c.wwid) << c.name;
  }
}

TEST(Vpd83WwidTest, RankingIsOrderIndependent) {
  const Bytes naa6 = Naa("6001405abcdef0123456789abcdef012");
  const Bytes naa5 = Naa("5000c50015ea71ac");
  const Bytes naa2 = Naa("2000001122334455");
  const Bytes eui = Eui("0011223344aabbcc");
  const Bytes name = Name("iqn.2003-01.org.x");
  const Bytes t10 = T10("QEMU    QEMU HARDDISK   1");
  const Bytes naa3 = Naa("33333330000007d0");
  const Bytes vendor = Desc(1, 0, 0, Hex("deadbeef"));
  // Best first, with the WWID each gives when it is the best present.
  const std::vector<std::pair<Bytes, const char*>> ladder = {
      {naa6, "36001405abcdef0123456789abcdef012"},
      {naa5, "35000c50015ea71ac"},
      {naa2, "32000001122334455"},
      {eui, "20011223344aabbcc"},
      {name, "82003-01.org.x"},
      {t10, "1QEMU_QEMU_HARDDISK_1"},
      {naa3, "333333330000007d0"},
  };
  for (size_t best = 0; best < ladder.size(); ++best) {
    std::vector<Bytes> descs = {vendor};
    for (size_t i = best; i < ladder.size(); ++i) descs.push_back(ladder[i].first);
    auto forward = WwidFromVpd83(Page83(descs));
    std::vector<Bytes> reversed(descs.rbegin(), descs.rend());
    auto backward = WwidFromVpd83(Page83(reversed));
    ASSERT_TRUE(forward.ok() && backward.ok()) << best;
    EXPECT_EQ(*forward, ladder[best].second) << best;
    EXPECT_EQ(*backward, ladder[best].second) << best;
  }
}

TEST(Vpd83WwidTest, FirstOfEqualRankWins) {
  auto wwid = WwidFromVpd83(Page83({Naa("5000000000000001"), Naa("5000000000000002")}));
  ASSERT_TRUE(wwid.ok());
  EXPECT_EQ(*wwid, "35000000000000001");
}

TEST(Vpd83WwidTest, OnlyLunAssociationCounts) {
  // A target-port NAA 6 and a target-device NAA 5 lose to a LUN T10 id.
  Bytes page = Page83({Desc(1, 1, 3, Hex("6001405abcdef0123456789abcdef012")),
                       Desc(1, 2, 3, Hex("5000c50015ea71ac")), T10("VEND    PROD")});
  auto wwid = WwidFromVpd83(page);
  ASSERT_TRUE(wwid.ok());
  EXPECT_EQ(*wwid, "1VEND_PROD");

  auto none = WwidFromVpd83(Page83({Desc(1, 1, 3, Hex("5000c50015ea71ac"))}));
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ENODATA);
}

TEST(Vpd83WwidTest, MalformedDesignatorsAreSkipped) {
  // Malformed ones never win, but a valid one elsewhere in the page is used.
  Bytes page = Page83({Naa("5000c500"), Eui("00112233445566778899"), T10("VEND    PROD")});
  auto wwid = WwidFromVpd83(page);
  ASSERT_TRUE(wwid.ok());
  EXPECT_EQ(*wwid, "1VEND_PROD");
}

struct ErrorCase {
  const char* name;
  Bytes page;
  int code;
  const char* message;
};

TEST(Vpd83WwidTest, NoUsableDesignator) {
  const std::vector<ErrorCase> cases = {
      {"empty page", Page83({}), ENODATA, "no LUN designator"},
      {"UUID only", Page83({Desc(1, 0, 0xa, Bytes(16, 0x11))}), ENODATA, "no LUN designator"},
      {"2 stray bytes only", Hex("008300020103"), ENODATA, "no LUN designator"},
      // 0.9.4 rejects these with LUN association (0.9.5 accepts them, unused).
      {"vendor specific only", Page83({Desc(1, 0, 0, Hex("0102"))}), EINVAL,
       "vendor specific designator is not accepted with LUN association at offset 4"},
      {"zero-length vendor specific", Page83({Desc(1, 0, 0, {})}), EINVAL,
       "vendor specific designator is not accepted"},
      {"LU group after a port NAA",
       Page83({Desc(1, 1, 3, Hex("5000c50015ea71ac")), Desc(1, 0, 6, Hex("00000001"))}), EINVAL,
       "no usable designator; logical unit group designator is not accepted with LUN "
       "association at offset 16"},
      {"MD5", Page83({Desc(1, 0, 7, Bytes(16, 0x22))}), EINVAL,
       "MD5 logical unit designator is not accepted"},
      {"NAA 5 of 4 bytes", Page83({Naa("5000c500")}), EINVAL,
       "no usable designator; NAA 5 designator of length 4, expected 8 at offset 4"},
      {"NAA 6 of 8 bytes", Page83({Naa("6000c50015ea71ac")}), EINVAL,
       "NAA 6 designator of length 8, expected 16 at offset 4"},
      {"NAA 1", Page83({Naa("1000c50015ea71ac")}), EINVAL, "unsupported NAA field 1"},
      {"zero-length NAA", Page83({Naa("")}), EINVAL, "NAA designator of length 0 at offset 4"},
      {"EUI-64 of 10 bytes", Page83({Eui("00112233445566778899")}), EINVAL,
       "EUI-64 designator of length 10, expected 8, 12 or 16 at offset 4"},
      {"zero-length EUI-64", Page83({Eui("")}), EINVAL, "EUI-64 designator of length 0"},
      {"T10 of 7 bytes", Page83({T10("VENDOR ")}), EINVAL,
       "T10 vendor id designator of length 7, expected at least 8"},
      {"name without prefix", Page83({Name("foo.bar")}), EINVAL, "without eui., naa. or iqn."},
      {"name upper-case prefix", Page83({Name("NAA.5000")}), EINVAL, "without eui., naa. or iqn."},
      {"reserved association", Page83({Desc(1, 3, 3, Hex("5000c50015ea71ac"))}), EINVAL,
       "reserved association 3 at offset 4"},
      {"TPG with LUN association", Page83({Desc(1, 0, 5, Hex("00000001"))}), EINVAL,
       "target port group designator is not accepted with LUN association"},
      {"descriptor past the end only", Hex("0083000c0103000c5000c50015ea71ac"), EINVAL,
       "VPD page 0x83: designator at offset 4 has length 12 beyond page end 16"},
  };
  for (const auto& c : cases) {
    auto wwid = WwidFromVpd83(c.page);
    ASSERT_FALSE(wwid.ok()) << c.name << " gave " << *wwid;
    EXPECT_EQ(wwid.error().code, c.code) << c.name;
    EXPECT_NE(wwid.error().message.find(c.message), std::string::npos)
        << c.name << ": " << wwid.error().message;
  }
}

TEST(Vpd83ParseTest, GarbledPagesAreErrors) {
  Bytes cut_body = Page83({Naa("5000c50015ea71ac")});
  cut_body[7] = 12;  // descriptor says 12 bytes, the page holds 8
  Bytes cut_header = Page83({Naa("5000c50015ea71ac")});
  cut_header.insert(cut_header.end(), {0x01, 0x03});  // 2 stray bytes inside the page
  cut_header[3] += 2;
  Bytes too_long = Page83({Naa("5000c50015ea71ac")});
  too_long[3] = 40;
  const std::vector<ErrorCase> cases = {
      {"no bytes",
       {},
       EINVAL,
       "VPD page 0x83: buffer of 0 bytes is shorter than the 4-byte header"},
      {"header cut", Hex("008300"), EINVAL, "buffer of 3 bytes"},
      {"wrong page code", Page(0x80, {Naa("5000c50015ea71ac")}), EINVAL,
       "VPD page 0x83: page code at offset 1 is 0x80"},
      {"page length beyond buffer", too_long, EINVAL,
       "VPD page 0x83: page length 40 at offset 2 needs 44 bytes, buffer has 16"},
      {"descriptor body cut", cut_body, EINVAL,
       "VPD page 0x83: designator at offset 4 has length 12 beyond page end 16"},
      {"descriptor header cut", cut_header, EINVAL,
       "VPD page 0x83: designator header at offset 16 cut short by page end 18"},
      {"length 255 in a short page", Hex("00830008010300ff50000000"), EINVAL,
       "designator at offset 4 has length 255 beyond page end 12"},
  };
  for (const auto& c : cases) {
    auto parsed = ParseVpd83(c.page);
    ASSERT_FALSE(parsed.ok()) << c.name;
    EXPECT_EQ(parsed.error().code, c.code) << c.name;
    EXPECT_NE(parsed.error().message.find(c.message), std::string::npos)
        << c.name << ": " << parsed.error().message;
  }
}

TEST(Vpd83WwidTest, BrokenTailEndsTheWalkLikeTheReference) {
  const std::vector<WwidCase> cases = {
      {"descriptor past the end after NAA 5",
       Hex("00830010"
           "010300085000c50015ea71ac"
           "0103000c50000000"),
       "35000c50015ea71ac"},
      {"2 stray bytes after NAA 5",
       Hex("0083000e"
           "010300085000c50015ea71ac"
           "0103"),
       "35000c50015ea71ac"},
      {"better NAA 6 cut off after T10",
       Hex("00830018"
           "0201000c"
           "56454e44202020205052"
           "4f44"
           "01030010"
           "6001405a"),
       "1VEND_PROD"},
  };
  for (const auto& c : cases) {
    ASSERT_FALSE(ParseVpd83(c.page).ok()) << c.name;
    auto wwid = WwidFromVpd83(c.page);
    ASSERT_TRUE(wwid.ok()) << c.name << ": " << wwid.error().message;
    EXPECT_EQ(*wwid, c.wwid) << c.name;
  }
  for (const char* hex :
       {"", "008300", "0080000c010300085000c50015ea71ac", "00830028010300085000c50015ea71ac"}) {
    auto wwid = WwidFromVpd83(Hex(hex));
    ASSERT_FALSE(wwid.ok()) << hex;
    EXPECT_EQ(wwid.error().code, EINVAL) << hex;
    EXPECT_EQ(wwid.error().message, ParseVpd83(Hex(hex)).error().message) << hex;
  }
}

TEST(Vpd83ParseTest, DecodesDescriptorFields) {
  Bytes page = ScsiDebugPage();
  page.insert(page.end(), {0xee, 0xee});  // beyond the page length: ignored
  auto parsed = ParseVpd83(page);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  ASSERT_EQ(parsed->size(), 5u);
  const Designator& t10 = (*parsed)[0];
  EXPECT_EQ(t10.code_set, 2);
  EXPECT_EQ(t10.type, 1);
  EXPECT_EQ(t10.association, 0);
  EXPECT_EQ(t10.offset, 4u);
  EXPECT_EQ(std::string(t10.id.begin(), t10.id.end()), "Linux   scsi_debug      2000");
  const Designator& port = (*parsed)[3];
  EXPECT_EQ(port.association, 1);
  EXPECT_EQ(port.type, 3);
  EXPECT_EQ(port.id, Hex("52222220000007d0"));

  auto piv = ParseVpd83(Page83({{0x61, 0x94, 0, 4, 0, 0, 0, 1}}));  // SAS, PIV, rel. port
  ASSERT_TRUE(piv.ok());
  EXPECT_EQ((*piv)[0].protocol_id, 6);
  EXPECT_EQ((*piv)[0].code_set, 1);
  EXPECT_TRUE((*piv)[0].piv);
  EXPECT_EQ((*piv)[0].association, 1);
  EXPECT_EQ((*piv)[0].type, 4);
}

TEST(Vpd83ParseTest, ZeroLengthDesignatorsParse) {
  auto parsed = ParseVpd83(Page83({Desc(1, 0, 0, {}), Desc(1, 0, 3, {}), Naa("5000c50015ea71ac")}));
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  ASSERT_EQ(parsed->size(), 3u);
  EXPECT_TRUE((*parsed)[1].id.empty());
  EXPECT_EQ((*parsed)[2].offset, 12u);
}

TEST(Vpd83WwidTest, LongIdentifiersAreCappedLikeTheReference) {
  std::string long_t10 = "VENDOR  " + std::string(200, 'x');
  auto t10 = WwidFromVpd83(Page83({T10(long_t10)}));
  ASSERT_TRUE(t10.ok());
  EXPECT_EQ(*t10, "1VENDOR_" + std::string(119, 'x'));  // 127 characters

  std::string long_name = "naa." + std::string(200, 'A');
  auto name = WwidFromVpd83(Page83({Name(long_name)}));
  ASSERT_TRUE(name.ok());
  EXPECT_EQ(*name, "3" + std::string(124, 'a'));  // 128 input bytes minus the prefix
}

TEST(Vpd80Test, Serial) {
  const std::vector<WwidCase> cases = {
      {"plain", Page(0x80, {Text("drive-scsi0")}), "drive-scsi0"},
      {"right aligned", Page(0x80, {Text("    A123456789")}), "A123456789"},
      {"padded both sides", Page(0x80, {Text("  SN 42  ")}), "SN 42"},
      {"cut at NUL", Page(0x80, {Bytes{'A', 'B', 0, 'C'}}), "AB"},
      {"capped", Page(0x80, {Text(std::string(300, 's'))}), std::string(127, 's')},
  };
  for (const auto& c : cases) {
    auto serial = WwidFromVpd80(c.page);
    ASSERT_TRUE(serial.ok()) << c.name << ": " << serial.error().message;
    EXPECT_EQ(*serial, c.wwid) << c.name;
  }
}

TEST(Vpd80Test, Errors) {
  const std::vector<ErrorCase> cases = {
      {"short", Hex("0080"), EINVAL, "VPD page 0x80: buffer of 2 bytes"},
      {"wrong page", Page(0x83, {Text("x")}), EINVAL, "page code at offset 1 is 0x83"},
      {"length beyond buffer", Hex("0080000a4142"), EINVAL, "page length 10 at offset 2 needs 14"},
      {"blank", Page(0x80, {Text("    ")}), ENODATA, "empty unit serial number"},
      {"empty", Page(0x80, {}), ENODATA, "empty unit serial number"},
  };
  for (const auto& c : cases) {
    auto serial = WwidFromVpd80(c.page);
    ASSERT_FALSE(serial.ok()) << c.name;
    EXPECT_EQ(serial.error().code, c.code) << c.name;
    EXPECT_NE(serial.error().message.find(c.message), std::string::npos)
        << c.name << ": " << serial.error().message;
  }
}

TEST(VpdTest, DesignatorTypeNames) {
  EXPECT_EQ(DesignatorTypeName(0), "vendor specific");
  EXPECT_EQ(DesignatorTypeName(1), "T10 vendor id");
  EXPECT_EQ(DesignatorTypeName(2), "EUI-64");
  EXPECT_EQ(DesignatorTypeName(3), "NAA");
  EXPECT_EQ(DesignatorTypeName(8), "SCSI name string");
  EXPECT_EQ(DesignatorTypeName(0xf), "reserved");
}

}  // namespace
}  // namespace mpx::scsi
