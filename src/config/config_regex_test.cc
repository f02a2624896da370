#include "config/config_regex.h"

#include <gtest/gtest.h>

namespace mpx {
namespace {

TEST(ConfigRegexTest, EstimatesWhatRegcompSpellsOut) {
  EXPECT_EQ(EstimateRegexNodes(""), 0u);
  EXPECT_EQ(EstimateRegexNodes("abc"), 3u);
  EXPECT_EQ(EstimateRegexNodes("a{255}"), 256u);  // 255 copies and the operator
  EXPECT_GT(EstimateRegexNodes("a{2}{2}"), EstimateRegexNodes("a{2}"));
  // Each "+" doubles what it follows; so does each nesting level.
  EXPECT_GT(EstimateRegexNodes(std::string(1, 'a') + std::string(20, '+')), kMaxRegexNodes);
  EXPECT_GT(EstimateRegexNodes("((((((((((((((((((((a+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)"),
            kMaxRegexNodes);
  EXPECT_GT(EstimateRegexNodes("((a{100}){100}){100}"), kMaxRegexNodes);
  EXPECT_GT(EstimateRegexNodes("a{99999999999999999999999}"), kMaxRegexNodes);  // saturates
  // Brackets, escapes and literal braces are one node each.
  EXPECT_EQ(EstimateRegexNodes("[+*{]\\+{x}"), 5u);
  EXPECT_EQ(EstimateRegexNodes("a|b|c"), 3u);
}

TEST(ConfigRegexTest, AcceptsWhatRealConfigurationsHold) {
  // Patterns the reference 0.9.4 accepts (tests/reference/config_results.txt).
  for (const char* p : {"sd++a", "LUN++Z", "A++", "a{2}{2}", "a{1000}", "^(HP|HPE)$", "(a+)+",
                        "((a{100}){100})", "^(ram|raw|loop|fd|md|dm-|sr|scd|st|dcssblk)[0-9]"}) {
    EXPECT_TRUE(CompileConfigRegex(p).ok()) << p;
  }
}

TEST(ConfigRegexTest, RefusesHugeAndBadPatterns) {
  auto huge = CompileConfigRegex("a" + std::string(20, '+'));
  ASSERT_FALSE(huge.ok());
  EXPECT_EQ(huge.error().message.rfind("invalid regular expression \"a+++", 0), 0u);
  EXPECT_NE(huge.error().message.find(": too complex (about "), std::string::npos);
  auto bad = CompileConfigRegex("(");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message.rfind("invalid regular expression \"(\": ", 0), 0u);
}

}  // namespace
}  // namespace mpx
