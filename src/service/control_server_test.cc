#include "service/control_server.h"

#include <gtest/gtest.h>

#include <functional>
#include <vector>

namespace mpx {
namespace {

class ControlServerAnswerTest : public ::testing::Test {
 protected:
  ControlServerAnswerTest()
      : server_(
            UniqueFd(),
            {.show =
                 [this](const CliCommand& c) {
                   shown_.push_back(c.cmd);
                   return std::string("shown\n");
                 },
             .run_on_loop = [this](std::function<void()> w) { queued_.push_back(std::move(w)); },
             .act =
                 [this](const CliCommand& c) {
                   acted_.push_back(c.cmd);
                   return std::string("ok\n");
                 },
             .version_line = "mpx multipathd test"}) {}

  // The reply, once everything queued on the "loop" ran.
  std::string Ask(const std::string& line, uid_t uid) {
    std::string reply = "(none)";
    server_.Answer(line, uid, [&](std::string r) { reply = std::move(r); });
    for (auto& w : queued_) w();
    queued_.clear();
    return reply;
  }

  std::vector<CliCmd> shown_, acted_;
  std::vector<std::function<void()>> queued_;
  ControlServer server_;
};

TEST_F(ControlServerAnswerTest, ShowsAreOpenToEveryUserAndDoNotGoThroughTheLoop) {
  std::string reply = "(none)";
  server_.Answer("show paths", 1000, [&](std::string r) { reply = std::move(r); });
  EXPECT_EQ(reply, "shown\n");  // at once: no loop involved
  EXPECT_TRUE(queued_.empty());
  EXPECT_EQ(shown_, std::vector<CliCmd>{CliCmd::kShowPaths});
}

TEST_F(ControlServerAnswerTest, ChangesNeedRootAndRunOnTheLoop) {
  EXPECT_EQ(Ask("fail path sda", 1000), "permission deny: need to be root\n");
  EXPECT_TRUE(acted_.empty());
  std::string reply = "(none)";
  server_.Answer("fail path sda", 0, [&](std::string r) { reply = std::move(r); });
  EXPECT_EQ(reply, "(none)");  // waits for the loop
  ASSERT_EQ(queued_.size(), 1u);
  queued_.front()();
  EXPECT_EQ(reply, "ok\n");
  EXPECT_EQ(acted_, std::vector<CliCmd>{CliCmd::kFailPath});
}

TEST_F(ControlServerAnswerTest, UnknownAndIncompleteCommandsGetTheUsage) {
  std::string bogus = Ask("bogus", 0);
  EXPECT_EQ(bogus.rfind("bogus: not found\nmpx multipathd test\nCLI commands reference:\n", 0), 0u)
      << bogus;
  EXPECT_NE(bogus.find(" list|show paths\n"), std::string::npos);
  EXPECT_EQ(Ask("show", 0).rfind("show: Missing argument\n", 0), 0u);
  EXPECT_TRUE(acted_.empty());
  EXPECT_TRUE(shown_.empty());
}

}  // namespace
}  // namespace mpx
