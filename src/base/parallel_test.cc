#include "base/parallel.h"

#include <gtest/gtest.h>

#include <set>
#include <thread>

namespace mpx {
namespace {

TEST(ParallelForTest, EveryIndexExactlyOnce) {
  for (size_t threads : {1u, 2u, 7u}) {
    std::vector<int> hits(1000, 0);
    ParallelFor(hits.size(), threads, [&](size_t i) { hits[i]++; });
    for (int h : hits) ASSERT_EQ(h, 1) << threads;
  }
}

TEST(ParallelForTest, ZeroItemsRunsNothing) {
  int calls = 0;
  ParallelFor(0, 4, [&](size_t) { ++calls; });
  EXPECT_EQ(calls, 0);
}

TEST(WorkerCountTest, SmallJobsStaySerial) {
  EXPECT_EQ(WorkerCount(3), 1u);
  EXPECT_GE(WorkerCount(1000), 2u);
  EXPECT_LE(WorkerCount(100000), 16u);
}

}  // namespace
}  // namespace mpx
