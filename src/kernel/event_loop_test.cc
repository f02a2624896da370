#include "kernel/event_loop.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <thread>

namespace mpx {
namespace {

std::unique_ptr<EventLoop> NewLoop() {
  auto loop = EventLoop::Create();
  EXPECT_TRUE(loop.ok());
  return std::move(loop).value();
}

TEST(EventLoopTest, TimersFireInDeadlineOrderAndCancelledOnesNever) {
  auto loop = NewLoop();
  std::vector<int> fired;
  MonoTime now = loop->Now();
  loop->At(now + std::chrono::milliseconds(30), [&] { fired.push_back(3); });
  auto id = loop->At(now + std::chrono::milliseconds(20), [&] { fired.push_back(99); });
  loop->At(now + std::chrono::milliseconds(10), [&] { fired.push_back(1); });
  loop->At(now + std::chrono::milliseconds(40), [&] { loop->Stop(); });
  loop->Cancel(id);
  ASSERT_TRUE(loop->Run().ok());
  EXPECT_EQ(fired, (std::vector<int>{1, 3}));
  EXPECT_GE(loop->Now() - now, std::chrono::milliseconds(40));
}

TEST(EventLoopTest, ReadableFdRunsItsCallback) {
  auto loop = NewLoop();
  int p[2];
  ASSERT_EQ(::pipe(p), 0);
  UniqueFd r(p[0]), w(p[1]);
  std::string got;
  ASSERT_TRUE(loop->Watch(r.get(), EPOLLIN,
                          [&](uint32_t) {
                            char buf[16];
                            ssize_t n = ::read(r.get(), buf, sizeof buf);
                            got.assign(buf, static_cast<size_t>(n));
                            loop->Unwatch(r.get());
                            loop->Stop();
                          })
                  .ok());
  ASSERT_EQ(::write(w.get(), "hi", 2), 2);
  ASSERT_TRUE(loop->Run().ok());
  EXPECT_EQ(got, "hi");
}

TEST(EventLoopTest, PostFromAnotherThreadRunsOnTheLoop) {
  auto loop = NewLoop();
  std::thread::id ran_on;
  std::thread t([&] {
    loop->Post([&] {
      ran_on = std::this_thread::get_id();
      loop->Stop();
    });
  });
  ASSERT_TRUE(loop->Run().ok());
  t.join();
  EXPECT_EQ(ran_on, std::this_thread::get_id());
}

TEST(EventLoopTest, SignalsArriveAsCallbacks) {
  auto loop = NewLoop();
  int got = 0;
  ASSERT_TRUE(loop->WatchSignals({SIGUSR1},
                                 [&](int signo) {
                                   got = signo;
                                   loop->Stop();
                                 })
                  .ok());
  ASSERT_EQ(::kill(::getpid(), SIGUSR1), 0);
  ASSERT_TRUE(loop->Run().ok());
  EXPECT_EQ(got, SIGUSR1);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

}  // namespace
}  // namespace mpx
