#include "plan/table_compare.h"

#include <gtest/gtest.h>

#include "policy/dm_table.h"

namespace mpx {
namespace {

DmTable T(const char* line) {
  auto t = ParseTable(line);
  EXPECT_TRUE(t.ok()) << line;
  return t.ok() ? t.value() : DmTable{};
}

TEST(SameTableTest, KernelEchoesCountAsEqual) {
  // What mpx loads and what the 6.1 kernel prints back (lab-checked forms).
  EXPECT_TRUE(SameTable(
      T("0 16384 multipath 0 1 alua 2 1 service-time 0 1 1 8:0 1 service-time 0 1 1 8:16 1"),
      T("0 16384 multipath 0 1 alua 2 1 service-time 0 1 2 8:0 1 1 service-time 0 1 2 8:16 1 1")));
  EXPECT_TRUE(SameTable(T("0 16384 multipath 3 pg_init_retries 50 queue_if_no_path 0 2 1 "
                          "round-robin 0 1 1 8:0 3 round-robin 0 1 1 8:16 3"),
                        T("0 16384 multipath 3 queue_if_no_path pg_init_retries 50 0 2 2 "
                          "round-robin 0 1 1 8:0 1 round-robin 0 1 1 8:16 1")));
}

TEST(SameTableTest, RealDifferencesCount) {
  const char* base = "0 16384 multipath 0 0 2 1 service-time 0 1 1 8:0 1 service-time 0 1 1 8:16 1";
  EXPECT_FALSE(
      SameTable(T(base), T("0 16384 multipath 1 queue_if_no_path 0 2 1 service-time 0 1 1 8:0 1 "
                           "service-time 0 1 1 8:16 1")));
  EXPECT_FALSE(SameTable(T(base), T("0 16384 multipath 0 0 1 1 service-time 0 2 1 8:0 1 8:16 1")));
  EXPECT_FALSE(SameTable(
      T(base), T("0 16384 multipath 0 0 2 1 service-time 0 1 1 8:16 1 service-time 0 1 1 8:0 1")));
  EXPECT_FALSE(SameTable(
      T(base), T("0 32768 multipath 0 0 2 1 service-time 0 1 1 8:0 1 service-time 0 1 1 8:16 1")));
  EXPECT_FALSE(SameTable(
      T(base),
      T("0 16384 multipath 0 1 alua 2 1 service-time 0 1 1 8:0 1 service-time 0 1 1 8:16 1")));
  EXPECT_FALSE(SameTable(
      T(base), T("0 16384 multipath 0 0 2 1 round-robin 0 1 1 8:0 1 service-time 0 1 1 8:16 1")));
}

TEST(TableWordDiffTest, MarksRemovedAndAddedWords) {
  EXPECT_EQ(TableWordDiff(T("0 16384 multipath 0 0 1 1 service-time 0 1 1 8:0 1"),
                          T("0 16384 multipath 0 0 1 1 service-time 0 2 1 8:0 1 8:16 1")),
            "0 16384 multipath 0 0 1 1 service-time 0 [-1 1-] {+2 1+} 8:0 1 {+8:16 1+}");
  const char* same = "0 16384 multipath 0 0 1 1 round-robin 0 1 1 8:0 1";
  EXPECT_EQ(TableWordDiff(T(same), T(same)), same);
}

}  // namespace
}  // namespace mpx
