#include "base/strings.h"

#include <gtest/gtest.h>

namespace mpx {
namespace {

TEST(StringsTest, TrimDropsSpaceAndNul) {
  EXPECT_EQ(Trim("  abc \n"), "abc");
  EXPECT_EQ(Trim(std::string_view("x\0", 2)), "x");
  EXPECT_EQ(Trim("   "), "");
}

TEST(StringsTest, SplitKeepsEmptyFields) {
  auto parts = Split("1:0::3", ':');
  ASSERT_EQ(parts.size(), 4u);
  EXPECT_EQ(parts[2], "");
  EXPECT_EQ(parts[3], "3");
}

TEST(StringsTest, HexLower) {
  const uint8_t bytes[] = {0x60, 0x0a, 0xff};
  EXPECT_EQ(HexLower(bytes), "600aff");
}

TEST(StringsTest, ParseU64RejectsJunk) {
  EXPECT_EQ(ParseU64("2097152"), 2097152u);
  EXPECT_FALSE(ParseU64("-1"));
  EXPECT_FALSE(ParseU64("12a"));
  EXPECT_FALSE(ParseU64(""));
  EXPECT_FALSE(ParseU64("99999999999999999999999"));
}

}  // namespace
}  // namespace mpx
