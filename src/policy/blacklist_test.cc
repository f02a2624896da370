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

TEST(RegexTest, UnanchoredExtendedSyntax) {
  auto re = Regex::Compile("scsi_(debug|x)+");
  ASSERT_TRUE(re.ok());
  EXPECT_TRUE(re->Matches("Linux scsi_debug"));
  EXPECT_FALSE(re->Matches("scsi-debug"));
}

}  // namespace
}  // namespace mpx
