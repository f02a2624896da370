#include "policy/dm_table.h"

#include <gtest/gtest.h>

namespace mpx {
namespace {

TEST(DmTableTest, ParsesTheReferenceExample) {
  auto t = ParseTable(
      "0 2097152 multipath 1 queue_if_no_path 0 2 1 round-robin 0 2 1 8:16 1 8:32 1 "
      "round-robin 0 1 1 8:48 1");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(t->length, 2097152u);
  EXPECT_EQ(t->features, std::vector<std::string>{"queue_if_no_path"});
  EXPECT_EQ(t->hwhandler, "");
  EXPECT_EQ(t->initial_group, 1u);
  ASSERT_EQ(t->groups.size(), 2u);
  EXPECT_EQ(t->groups[0].selector, "round-robin");
  EXPECT_EQ(t->groups[0].paths[1], (DmTablePath{"8:32", {"1"}}));
  EXPECT_EQ(t->groups[1].paths[0].dev, "8:48");
}

TEST(DmTableTest, FormatParseIsIdentity) {
  const char* tables[] = {
      "0 2097152 multipath 0 0 1 1 service-time 0 1 1 8:16 1",
      "0 2097152 multipath 1 queue_if_no_path 1 alua 2 1 service-time 0 2 1 8:16 1 8:32 1 "
      "service-time 0 1 1 8:48 1",
      "0 8 multipath 3 queue_if_no_path pg_init_retries 50 0 1 1 round-robin 0 1 1 65:16 100",
      "0 8 multipath 4 pg_init_retries 50 pg_init_delay_msecs 2000 2 emc 1 1 1 round-robin 0 1 1 8:0 1",
      "16 4096 multipath 2 queue_mode bio 3 rdac a b 3 2 queue-length 0 1 1 8:0 1 "
      "historical-service-time 2 x y 2 2 8:16 1 7 8:32 2 9 round-robin 0 1 0 259:1048575",
      "0 0 multipath 0 0 0 0",
      "0 18446744073709551615 multipath 1 retain_attached_hw_handler 0 1 1 service-time 0 1 2 "
      "4294967295:4294967295 1 1",
  };
  for (const char* line : tables) {
    auto t = ParseTable(line);
    ASSERT_TRUE(t.ok()) << line << ": " << t.error().message;
    EXPECT_EQ(FormatTable(*t), line);
  }
}

TEST(DmTableTest, AcceptsTheKernelsTrailingSpaceAndOtherBlanks) {
  auto t = ParseTable("0 8 multipath 0 0 1 1 service-time 0 1 2 8:16 1 1 \n");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(FormatTable(*t), "0 8 multipath 0 0 1 1 service-time 0 1 2 8:16 1 1");
  EXPECT_TRUE(ParseTable("0\t8  multipath 0 0 0 0").ok());
}

struct BadCase {
  const char* line;
  const char* error;
};

TEST(DmTableTest, MalformedTablesNameTheWordAndWhatWasExpected) {
  const BadCase cases[] = {
      {"", "dm table: word 0 (end of line): expected the start sector"},
      {"x", "dm table: word 0 (\"x\"): expected the start sector"},
      {"0 -8 multipath", "dm table: word 1 (\"-8\"): expected the length in sectors"},
      {"0 8 linear 8:0 0", "dm table: word 2 (\"linear\"): expected the target type \"multipath\""},
      {"0 8 multipath", "dm table: word 3 (end of line): expected the number of feature words"},
      {"0 8 multipath 2 queue_if_no_path",
       "dm table: word 5 (end of line): expected a feature word"},
      {"0 8 multipath 0 2 alua", "dm table: word 6 (end of line): expected a hardware handler arg"},
      {"0 8 multipath 0 0 1 0", "dm table: word 6 (\"0\"): expected the initial path group, 1 to 1"},
      {"0 8 multipath 0 0 2 3", "dm table: word 6 (\"3\"): expected the initial path group, 1 to 2"},
      {"0 8 multipath 0 0 0 1", "dm table: word 6 (\"1\"): expected the initial path group, 0 with no groups"},
      {"0 8 multipath 0 0 1 1 service-time x",
       "dm table: word 8 (\"x\"): expected the number of selector args"},
      {"0 8 multipath 0 0 1 1 service-time 0 0 1",
       "dm table: word 9 (\"0\"): expected the number of paths, at least 1"},
      {"0 8 multipath 0 0 1 1 service-time 0 1 1 sdb 1",
       "dm table: word 11 (\"sdb\"): expected a path as major:minor"},
      {"0 8 multipath 0 0 1 1 service-time 0 1 1 8: 1",
       "dm table: word 11 (\"8:\"): expected a path as major:minor"},
      {"0 8 multipath 0 0 1 1 service-time 0 1 1 8:16:1 1",
       "dm table: word 11 (\"8:16:1\"): expected a path as major:minor"},
      {"0 8 multipath 0 0 1 1 service-time 0 2 1 8:16 1",
       "dm table: word 13 (end of line): expected a path as major:minor"},
      {"0 8 multipath 0 0 1 1 service-time 0 1 1 8:16",
       "dm table: word 12 (end of line): expected a per-path arg"},
      {"0 8 multipath 0 0 1 1 service-time 0 1 1 8:16 1 8:32 1",
       "dm table: word 13 (\"8:32\"): expected the end of the table"},
      {"0 8 multipath 0 0 4294967296 1",
       "dm table: word 5 (\"4294967296\"): expected the number of path groups"},
      {"0 8 multipath 99999999999 0", "dm table: word 3 (\"99999999999\"): expected the number of feature words"},
  };
  for (const auto& c : cases) {
    auto t = ParseTable(c.line);
    ASSERT_FALSE(t.ok()) << c.line;
    EXPECT_EQ(t.error().message, c.error) << c.line;
    EXPECT_EQ(t.error().code, 22);
  }
}

TEST(DmTableTest, HugeCountsFailAtTheEndInsteadOfAllocating) {
  auto t = ParseTable("0 8 multipath 4294967295 a b");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().message, "dm table: word 6 (end of line): expected a feature word");
}

TEST(DmTableTest, ParseCountedWords) {
  EXPECT_EQ(*ParseCountedWords("0"), std::vector<std::string>{});
  EXPECT_EQ(*ParseCountedWords("2 pg_init_retries 50"),
            (std::vector<std::string>{"pg_init_retries", "50"}));
  EXPECT_EQ(ParseCountedWords("2 queue_if_no_path").error().message,
            "\"2 queue_if_no_path\": expected a word count followed by that many words");
  EXPECT_FALSE(ParseCountedWords("").ok());
  EXPECT_FALSE(ParseCountedWords("queue_if_no_path").ok());
}

}  // namespace
}  // namespace mpx
