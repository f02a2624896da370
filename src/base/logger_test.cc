#include "base/logger.h"

#include <gtest/gtest.h>

namespace mpx {
namespace {

TEST(CaptureLoggerTest, KeepsLinesUpToItsVerbosityInOrder) {
  CaptureLogger log(2);
  log.Error("e");
  log.Info("hidden at -v2");
  log.Warning("w");
  log.Notice("n");
  log.Debug("hidden too");
  EXPECT_EQ(log.Text(), "e\nw\nn\n");
  EXPECT_TRUE(log.Enabled(LogLevel::kNotice));
  EXPECT_FALSE(log.Enabled(LogLevel::kInfo));
  EXPECT_TRUE(log.Contains("w"));
  EXPECT_FALSE(log.Contains("hidden"));
  ASSERT_EQ(log.lines().size(), 3u);
  EXPECT_EQ(log.lines()[1].first, LogLevel::kWarning);
}

TEST(CaptureLoggerTest, VerbosityZeroShowsOnlyErrors) {
  CaptureLogger log(0);
  log.Warning("w");
  log.Error("e");
  EXPECT_EQ(log.Text(), "e\n");
}

}  // namespace
}  // namespace mpx
