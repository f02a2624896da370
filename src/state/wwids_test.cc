#include "state/wwids.h"

#include <gtest/gtest.h>

namespace mpx {
namespace {

TEST(WwidsTest, ParsesEntriesAndReportsBadLines) {
  auto f = ParseWwids(
      "# Multipath wwids, Version : 1.0\n/3600a/\n\n3600b\n/3600c/ # note\n/3600a/\n//\n",
      "/etc/multipath/wwids");
  EXPECT_EQ(f.wwids, (std::vector<std::string>{"3600a", "3600c"}));
  ASSERT_EQ(f.warnings.size(), 2u);
  EXPECT_EQ(f.warnings[0], "/etc/multipath/wwids:4: expected \"/WWID/\", line ignored");
  EXPECT_EQ(f.warnings[1], "/etc/multipath/wwids:7: expected \"/WWID/\", line ignored");
  EXPECT_TRUE(Contains(f, "3600c"));
  EXPECT_FALSE(Contains(f, "3600b"));
}

TEST(WwidsTest, AddRemoveRewrite) {
  auto f = ParseWwids("/a/\nbad\n", "w");
  EXPECT_EQ(WithWwid(f, "b"), "/a/\nbad\n/b/\n");
  EXPECT_EQ(WithWwid(f, "a"), "/a/\nbad\n");
  EXPECT_EQ(WithoutWwid(f, "a"), "bad\n");
  std::string w = RewrittenWwids(f, {"c", "d"});
  EXPECT_NE(w.find("# unparsable line kept by multipath -W: bad\n"), std::string::npos);
  EXPECT_EQ(w.substr(w.size() - 8), "/c/\n/d/\n");
  EXPECT_EQ(WithWwid(ParseWwids("", "w"), "x").rfind("# Multipath wwids, Version : 1.0\n", 0), 0u);
}

}  // namespace
}  // namespace mpx
