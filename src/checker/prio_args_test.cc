#include "checker/prio_args.h"

#include <gtest/gtest.h>

namespace mpx {
namespace {

TEST(ExclusivePrefBitTest, Cases) {
  EXPECT_TRUE(ExclusivePrefBit("exclusive_pref_bit"));
  EXPECT_TRUE(ExclusivePrefBit("foo exclusive_pref_bit"));
  EXPECT_TRUE(ExclusivePrefBit("\texclusive_pref_bit bar"));
  EXPECT_FALSE(ExclusivePrefBit(""));
  EXPECT_FALSE(ExclusivePrefBit("exclusive_pref_bits"));
  EXPECT_FALSE(ExclusivePrefBit("no_exclusive_pref_bit"));
  // Only the first occurrence counts, as the reference's strstr.
  EXPECT_FALSE(ExclusivePrefBit("xexclusive_pref_bit exclusive_pref_bit"));
}

TEST(WeightedPathArgsTest, Cases) {
  auto a = ParseWeightedPathArgs("hbtl 1:.:.:. 2 4:.:.:. 4");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->key, "hbtl");
  EXPECT_EQ(a->rules,
            (std::vector<std::pair<std::string, std::string>>{{"1:.:.:.", "2"}, {"4:.:.:.", "4"}}));
  a = ParseWeightedPathArgs("  devname\tsda 10  sde 20 sdf");  // a trailing regex is dropped
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->key, "devname");
  EXPECT_EQ(a->rules.size(), 2u);
  EXPECT_EQ(a->rules[1], (std::pair<std::string, std::string>{"sde", "20"}));
  a = ParseWeightedPathArgs("wwn");
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(a->rules.empty());
  EXPECT_EQ(ParseWeightedPathArgs("color sda 3").error().message, "Invalid arguments");
  EXPECT_EQ(ParseWeightedPathArgs("HBTL 1:0:0:0 3").error().message, "Invalid arguments");
  EXPECT_EQ(ParseWeightedPathArgs(" \t ").error().message, "no prio_args");
}

TEST(AtoiPrefixTest, Cases) {
  EXPECT_EQ(AtoiPrefix("20"), 20);
  EXPECT_EQ(AtoiPrefix(" 7x"), 7);
  EXPECT_EQ(AtoiPrefix("-3"), -3);
  EXPECT_EQ(AtoiPrefix("+4"), 4);
  EXPECT_EQ(AtoiPrefix("high"), 0);
  EXPECT_EQ(AtoiPrefix(""), 0);
  EXPECT_EQ(AtoiPrefix("99999999999999999999"), 2147483647);
  EXPECT_EQ(AtoiPrefix("-99999999999999999999"), -2147483648);
}

TEST(PathLatencyArgsTest, Cases) {
  auto a = ParsePathLatencyArgs("io_num=20 base_num=10");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->io_num, 20);
  EXPECT_EQ(a->base_num, 10.0);
  a = ParsePathLatencyArgs("base_num=1.5 io_num=200 whatever");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->io_num, 200);
  EXPECT_EQ(a->base_num, 1.5);
  struct Bad {
    const char* args;
    const char* error;
  } bad[] = {
      {"", "args string is incomplete"},
      {"io_num=20", "args string is incomplete"},
      {"io_num=20 io_num=30", "args string is incomplete"},
      {"io_num=20 x base_num=2", "args string is incomplete"},  // only the first two words
      {"io_num=19 base_num=2", "args io_num is outside the valid range"},
      {"io_num=201 base_num=2", "args io_num is outside the valid range"},
      {"io_num=x base_num=2", "args io_num is outside the valid range"},
      {"io_num=-5 base_num=2", "args io_num is outside the valid range"},
      {"io_num=20 base_num=1.09", "args base_num is outside the valid range"},
      {"io_num=20 base_num=10.5", "args base_num is outside the valid range"},
      {"io_num=20 base_num=nan", "args base_num is outside the valid range"},
      {"io_num= base_num=2", "args string is incomplete"},
  };
  for (const Bad& b : bad) {
    auto r = ParsePathLatencyArgs(b.args);
    ASSERT_FALSE(r.ok()) << b.args;
    EXPECT_EQ(r.error().message, b.error) << b.args;
  }
  PathLatencyArgs defaults;
  EXPECT_EQ(defaults.io_num, 100);
  EXPECT_DOUBLE_EQ(defaults.base_num, 1.77827941004);
}

TEST(IetArgsTest, Cases) {
  EXPECT_EQ(ParseIetArgs("preferredip=10.11.12.13").value(), "10.11.12.13");
  EXPECT_EQ(ParseIetArgs("preferredip= 10.11.12.13 junk").value(), "10.11.12.13");
  EXPECT_EQ(ParseIetArgs("preferredip=1.2.3.4").error().message,
            "prio args: preferredip too short");
  EXPECT_EQ(ParseIetArgs("").error().message, "unexpected prio_args format");
  EXPECT_EQ(ParseIetArgs(" preferredip=10.11.12.13").error().message,
            "unexpected prio_args format");
  EXPECT_EQ(ParseIetArgs("preferredip=").error().message, "unexpected prio_args format");
  EXPECT_EQ(ParseIetArgs("preferredIP=10.11.12.13").error().message, "unexpected prio_args format");
}

TEST(DatacoreArgsTest, Cases) {
  auto a = ParseDatacoreArgs("preferredsds=SDS1");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->preferred_sds, "SDS1");
  EXPECT_EQ(a->timeout_ms, 2000);
  a = ParseDatacoreArgs("timeout=1000 preferredsds=SDS2");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->preferred_sds, "SDS2");
  EXPECT_EQ(a->timeout_ms, 1000);
  a = ParseDatacoreArgs("preferredsds=SDS3   timeout=0x1f4");  // %i reads C notation
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->timeout_ms, 500);
  a = ParseDatacoreArgs("timeout=700preferredsds=xy");  // sscanf's blank matches none too
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->timeout_ms, 700);
  a = ParseDatacoreArgs("preferredsds=abc timeout=zz");  // the third form takes it
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->timeout_ms, 2000);
  struct Bad {
    const char* args;
    const char* error;
  } bad[] = {
      {"", "unexpected prio_args format"},
      {"timeout=1000", "unexpected prio_args format"},
      {"sds=abc", "unexpected prio_args format"},
      {"preferredsds=a", "prio args: preferredsds too short (1 character min)"},
      {"timeout=499 preferredsds=ab", "prio args: timeout out of bounds [500:20000]"},
      {"preferredsds=ab timeout=20001", "prio args: timeout out of bounds [500:20000]"},
      {"timeout=99999999999999 preferredsds=ab", "prio args: timeout out of bounds [500:20000]"},
  };
  for (const Bad& b : bad) {
    auto r = ParseDatacoreArgs(b.args);
    ASSERT_FALSE(r.ok()) << b.args;
    EXPECT_EQ(r.error().message, b.error) << b.args;
  }
}

}  // namespace
}  // namespace mpx
