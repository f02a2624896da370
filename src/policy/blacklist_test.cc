#include "policy/blacklist.h"

#include <gtest/gtest.h>

namespace mpx {
namespace {

TEST(BlacklistTest, BuiltInKeepsOnlyScsiDasdNvme) {
  Blacklist b = Blacklist::BuiltIn();
  EXPECT_FALSE(b.CheckDevnode("sda"));
  EXPECT_FALSE(b.CheckDevnode("sdaa"));
  EXPECT_FALSE(b.CheckDevnode("dasdb"));
  EXPECT_FALSE(b.CheckDevnode("nvme0n1"));
  auto why = b.CheckDevnode("loop0");
  ASSERT_TRUE(why);
  EXPECT_EQ(*why, "devnode blacklisted by devnode \"!^(sd[a-z]|dasd[a-z]|nvme[0-9])\" (built-in)");
  EXPECT_TRUE(b.CheckDevnode("dm-0"));
  EXPECT_TRUE(b.CheckDevnode("vda"));
  EXPECT_TRUE(b.CheckDevnode("sr0"));
}

TEST(BlacklistTest, ExceptionWins) {
  Blacklist b = Blacklist::BuiltIn();
  ASSERT_TRUE(b.AddDevnodeException("^vd", "test:1").ok());
  EXPECT_FALSE(b.CheckDevnode("vda"));
  ASSERT_TRUE(b.AddWwid("^3600", "test:2").ok());
  EXPECT_TRUE(b.CheckWwid("36001405abc"));
  ASSERT_TRUE(b.AddWwidException("abc$", "test:3").ok());
  EXPECT_FALSE(b.CheckWwid("36001405abc"));
  EXPECT_TRUE(b.CheckWwid("36001405abd"));
}

TEST(BlacklistTest, BadRegexIsAnErrorNamingThePattern) {
  Blacklist b;
  Status s = b.AddDevnode("sd[a-", "test:4");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("\"sd[a-\""), std::string::npos);
}

TEST(BlacklistTest, DeviceEntriesMatchSetFieldsOnly) {
  Blacklist b;
  ASSERT_TRUE(b.AddDevice("^EMC", "LUNZ", "test:1").ok());
  ASSERT_TRUE(b.AddDevice("", "^Universal Xport$", "test:2").ok());
  EXPECT_EQ(b.CheckDevice("EMC", "LUNZ").value_or(""),
            "device blacklisted by device \"^EMC\":\"LUNZ\" (test:1)");
  EXPECT_FALSE(b.CheckDevice("DGC", "LUNZ"));
  EXPECT_TRUE(b.CheckDevice("SGI", "Universal Xport"));
  ASSERT_TRUE(b.AddDeviceException("SGI", "", "test:3").ok());
  EXPECT_FALSE(b.CheckDevice("SGI", "Universal Xport"));
  EXPECT_FALSE(b.AddDevice("(", "x", "test:4").ok());
}

TEST(BlacklistTest, PropertiesAndProtocols) {
  Blacklist b = Blacklist::BuiltIn();
  EXPECT_FALSE(b.CheckProperties({"DEVNAME", "SCSI_IDENT_LUN_NAA_REGEXT"}));
  EXPECT_TRUE(b.CheckProperties({"DEVNAME"}));
  ASSERT_TRUE(b.AddProperty("^DEVNAME$", "test:1").ok());
  EXPECT_EQ(b.CheckProperties({"DEVNAME", "ID_WWN"}).value_or(""),
            "property blacklisted by property \"^DEVNAME$\" (test:1)");
  EXPECT_FALSE(b.CheckProperties({"ID_WWN", "DEVNAME"}));  // the first match decides
  Blacklist none;
  EXPECT_FALSE(none.CheckProperties({}));  // without exceptions nothing is missing
  EXPECT_FALSE(b.CheckProperties({"OTHER"}, /*missing_blacklists=*/false));
  EXPECT_TRUE(b.CheckProperties({"OTHER"}));
  EXPECT_TRUE(b.CheckProperties({"DEVNAME", "ID_WWN"}, false));  // an entry still counts
  ASSERT_TRUE(b.AddProtocol("^scsi", "test:2").ok());
  ASSERT_TRUE(b.AddProtocolException("fcp$", "test:3").ok());
  EXPECT_TRUE(b.CheckProtocol("scsi:iscsi"));
  EXPECT_FALSE(b.CheckProtocol("scsi:fcp"));
  EXPECT_FALSE(b.CheckProtocol("nvme:tcp"));
}

TEST(RegexTest, UnanchoredExtendedSyntax) {
  auto re = Regex::Compile("scsi_(debug|x)+");
  ASSERT_TRUE(re.ok());
  EXPECT_TRUE(re->Matches("Linux scsi_debug"));
  EXPECT_FALSE(re->Matches("scsi-debug"));
}

}  // namespace
}  // namespace mpx
