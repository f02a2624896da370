#include "kernel/devmapper.h"

#include <gtest/gtest.h>

namespace mpx {
namespace {

TEST(SplitTargetLineTest, SplitsOffStartLengthAndType) {
  auto t = SplitTargetLine("0 2048 multipath 0 0 1 1 service-time 0 1 2 8:16 1 1 ");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->start, 0u);
  EXPECT_EQ(t->length, 2048u);
  EXPECT_EQ(t->type, "multipath");
  EXPECT_EQ(t->params, "0 0 1 1 service-time 0 1 2 8:16 1 1");  // trimmed
  auto e = SplitTargetLine("16 8\terror");
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->type, "error");
  EXPECT_EQ(e->params, "");
}

TEST(SplitTargetLineTest, RejectsLinesWithoutStartLengthAndType) {
  for (const char* bad : {"", "0", "0 8", "x 8 linear", "0 -1 linear"}) {
    auto t = SplitTargetLine(bad);
    ASSERT_FALSE(t.ok()) << bad;
    EXPECT_EQ(t.error().message,
              "\"" + std::string(bad) + "\": expected <start> <length> <type> <params>");
  }
}

}  // namespace
}  // namespace mpx
