#include "base/thread_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>

namespace mpx {
namespace {

TEST(ThreadPoolTest, ParallelForRunsEveryIndexExactlyOnce) {
  ThreadPool pool(7);
  for (size_t helpers : {0u, 1u, 6u, 100u}) {
    std::vector<std::atomic<int>> hits(1000);
    ParallelFor(pool, hits.size(), helpers, [&](size_t i) { hits[i]++; });
    for (auto& h : hits) ASSERT_EQ(h.load(), 1) << helpers;
  }
  EXPECT_LE(pool.threads(), 7u);
}

TEST(ThreadPoolTest, ZeroItemsRunsNothing) {
  ThreadPool pool(2);
  int calls = 0;
  ParallelFor(pool, 0, 2, [&](size_t) { ++calls; });
  EXPECT_EQ(calls, 0);
}

TEST(ThreadPoolTest, ABlockedTaskDoesNotHoldBackLaterOnes) {
  ThreadPool pool(4);
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  pool.Submit([gate] { gate.wait(); });  // a hung SCSI command, say
  std::promise<int> done;
  pool.Submit([&] { done.set_value(42); });
  auto f = done.get_future();
  ASSERT_EQ(f.wait_for(std::chrono::seconds(10)), std::future_status::ready);
  EXPECT_EQ(f.get(), 42);
  EXPECT_EQ(pool.threads(), 2u);
  release.set_value();
}

TEST(ThreadPoolTest, ParallelForFinishesWhenEveryWorkerIsBlocked) {
  ThreadPool pool(1);
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  pool.Submit([gate] { gate.wait(); });
  // The caller does all the work itself.
  std::vector<int> hits(50, 0);
  ParallelFor(pool, hits.size(), 4, [&](size_t i) { hits[i]++; });
  for (int h : hits) EXPECT_EQ(h, 1);
  release.set_value();
}

TEST(ThreadPoolTest, DestructorRunsQueuedTasks) {
  std::atomic<int> ran{0};
  {
    ThreadPool pool(1);
    for (int i = 0; i < 20; ++i) pool.Submit([&] { ran++; });
  }
  EXPECT_EQ(ran.load(), 20);
}

TEST(ThreadPoolTest, HelpersForSmallJobsIsNone) {
  ThreadPool pool(16);
  EXPECT_EQ(HelpersFor(pool, 3), 0u);
  EXPECT_GE(HelpersFor(pool, 1000), 2u);
  EXPECT_LE(HelpersFor(pool, 100000), 16u);
}

}  // namespace
}  // namespace mpx
