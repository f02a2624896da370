#include "state/prkeys.h"

#include <gtest/gtest.h>

#include <string>

namespace mpx {
namespace {

std::string Body(const std::string& text) { return text.substr(PrKeysHeader().size()); }

TEST(PrKeysTest, SetUnsetAndSetAgainAsTheReferenceWritesThem) {
  std::string f = WithPrKey("", "wwid1", StoredPrKey{0xabc, false});
  ASSERT_EQ(f.substr(0, PrKeysHeader().size()), PrKeysHeader());
  EXPECT_EQ(Body(f), "0x0000000000000abc wwid1\n");
  f = WithPrKey(f, "wwid2", StoredPrKey{0x12, true});
  EXPECT_EQ(Body(f), "0x0000000000000abc wwid1\n0X0000000000000012 wwid2\n");
  EXPECT_EQ(FindPrKey(f, "wwid2")->key, 0x12u);
  EXPECT_TRUE(FindPrKey(f, "wwid2")->aptpl);
  EXPECT_FALSE(FindPrKey(f, "wwid1")->aptpl);
  EXPECT_FALSE(FindPrKey(f, "wwid3").has_value());
  f = WithPrKey(f, "wwid1", StoredPrKey{UINT64_MAX, false});  // replaced in place
  EXPECT_EQ(Body(f), "0xffffffffffffffff wwid1\n0X0000000000000012 wwid2\n");
  f = WithPrKey(f, "wwid1", std::nullopt);  // commented out, as the reference
  EXPECT_EQ(Body(f), "#xffffffffffffffff wwid1\n0X0000000000000012 wwid2\n");
  EXPECT_FALSE(FindPrKey(f, "wwid1").has_value());
  EXPECT_EQ(WithPrKey(f, "wwid1", StoredPrKey{0, false}), f);  // key 0 unsets: nothing to do
  EXPECT_EQ(WithPrKey(f, "wwid9", std::nullopt), f);
  f = WithPrKey(f, "wwid1", StoredPrKey{0x77, true});  // the commented line is reused
  EXPECT_EQ(Body(f), "0X0000000000000077 wwid1\n0X0000000000000012 wwid2\n");
}

TEST(PrKeysTest, GarbledLinesFindNothingAndAreKept) {
  std::string text = "0xzz wwid1\n0x12\nwwid2\n0x00000000000000123 wwid3\n0x5 wwid4 extra\n";
  EXPECT_FALSE(FindPrKey(text, "wwid1").has_value());
  EXPECT_FALSE(FindPrKey(text, "wwid2").has_value());
  EXPECT_FALSE(FindPrKey(text, "wwid3").has_value());  // 17 digits
  EXPECT_EQ(FindPrKey(text, "wwid4")->key, 5u);
  EXPECT_EQ(WithPrKey(text, "wwid5", StoredPrKey{1, false}), text + "0x0000000000000001 wwid5\n");
  EXPECT_EQ(WithPrKey("no newline at end", "w", StoredPrKey{1, false}),
            "no newline at end\n0x0000000000000001 w\n");
}

}  // namespace
}  // namespace mpx
