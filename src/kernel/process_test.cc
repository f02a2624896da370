#include "kernel/process.h"

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <string>

namespace mpx {
namespace {

std::string Now() {
  rlimit lim{};
  EXPECT_EQ(::getrlimit(RLIMIT_NOFILE, &lim), 0);
  return std::to_string(lim.rlim_cur) + "/" + std::to_string(lim.rlim_max);
}

// A limit already above max_fds is left as it is (never lowered).
TEST(RaiseOpenFdsLimitTest, NeverLowers) {
  const std::string before = Now();
  auto r = RaiseOpenFdsLimit(16);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(*r, before);
  EXPECT_EQ(Now(), before);
}

// Raising the soft limit up to the hard one needs no privilege.
TEST(RaiseOpenFdsLimitTest, RaisesTheSoftLimitToTheHardOne) {
  rlimit lim{};
  ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &lim), 0);
  if (lim.rlim_max == RLIM_INFINITY || lim.rlim_max < 64) GTEST_SKIP() << "unusual hard limit";
  const rlimit saved = lim;
  lim.rlim_cur = 32;
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &lim), 0);
  auto r = RaiseOpenFdsLimit(lim.rlim_max);
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(Now(), std::to_string(lim.rlim_max) + "/" + std::to_string(lim.rlim_max));
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &saved), 0);
}

}  // namespace
}  // namespace mpx
