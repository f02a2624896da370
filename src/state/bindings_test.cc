#include "state/bindings.h"

#include <gtest/gtest.h>

namespace mpx {
namespace {

TEST(AliasIdTest, BijectiveBase26) {
  struct Case {
    uint64_t id;
    const char* alias;
  } cases[] = {{1, "mpatha"},
               {26, "mpathz"},
               {27, "mpathaa"},
               {52, "mpathaz"},
               {702, "mpathzz"},
               {703, "mpathaaa"},
               {2147483647, "mpathfxshrxw"}};
  for (const auto& c : cases) {
    EXPECT_EQ(AliasForId(c.id, "mpath"), c.alias);
    EXPECT_EQ(IdOfAlias(c.alias, "mpath"), c.id);
  }
  EXPECT_FALSE(IdOfAlias("mpath", "mpath"));
  EXPECT_FALSE(IdOfAlias("mpathA", "mpath"));
  EXPECT_FALSE(IdOfAlias("data1", "mpath"));
}

TEST(BindingsTest, ParsesAndReportsBadLinesWithLineNumbers) {
  auto f = ParseBindings(
      "# Multipath bindings, Version : 1.0\n"
      "mpatha 3600a1\n"
      "mpathb\n"
      "mpathc 3600a3 extra\n"
      "mpatha 3600a4\n"
      "mpathd 3600a1\n"
      "  mpathe\t3600a5   # comment\n",
      "/etc/multipath/bindings");
  ASSERT_EQ(f.bindings.size(), 2u);
  EXPECT_EQ(f.bindings[1].alias, "mpathe");
  EXPECT_EQ(f.bindings[1].line, 7);
  ASSERT_EQ(f.warnings.size(), 4u);
  EXPECT_EQ(f.warnings[0],
            "/etc/multipath/bindings:3: expected \"alias wwid\", found 1 word(s), line ignored");
  EXPECT_EQ(f.warnings[2],
            "/etc/multipath/bindings:5: alias mpatha already bound on line 2, line ignored");
  EXPECT_EQ(f.warnings[3],
            "/etc/multipath/bindings:6: wwid 3600a1 already bound on line 2, line ignored");
  EXPECT_EQ(FindAlias(f, "3600a5"), "mpathe");
  EXPECT_FALSE(FindAlias(f, "3600a3"));
}

TEST(BindingsTest, AllocatesLowestFreeAliasAvoidingMapsInUse) {
  auto f = ParseBindings("mpatha 1\nmpathc 3\ndata 4\n", "b");
  EXPECT_EQ(AllocateAlias(f, "mpath", {}), "mpathb");
  EXPECT_EQ(AllocateAlias(f, "mpath", {"mpathb"}), "mpathd");
  EXPECT_EQ(AllocateAlias(ParseBindings("", "b"), "mpath", {}), "mpatha");
  EXPECT_EQ(AllocateAlias(f, "disk", {}), "diska");
}

TEST(BindingsTest, RewriteKeepsEveryOriginalLine) {
  auto f = ParseBindings("# header\nmpatha 1\ngarbage line here\n", "b");
  EXPECT_EQ(WithBindings(f, {{"mpathb", "2"}, {"mpathc", "3"}}),
            "# header\nmpatha 1\ngarbage line here\nmpathb 2\nmpathc 3\n");
  std::string fresh = WithBindings(ParseBindings("", "b"), {{"mpatha", "1"}});
  EXPECT_EQ(fresh.rfind("# Multipath bindings, Version : 1.0\n", 0), 0u);
  EXPECT_EQ(fresh.substr(fresh.size() - 9), "mpatha 1\n");
}

}  // namespace
}  // namespace mpx
