#include "cmd/multipathd_client.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <deque>
#include <sstream>
#include <vector>

namespace mpx {
namespace {

// A daemon as the client sees it: replies (or errors) given in order, the
// commands it received and the timeouts asked for recorded.
struct FakeDaemon {
  bool listening = true;
  Status send_result;
  std::deque<Result<std::string>> replies;
  std::vector<std::string> received;
  std::vector<int> timeouts;
  int connections = 0;
};

class FakeConnection : public MultipathdConnection {
 public:
  explicit FakeConnection(FakeDaemon* d) : d_(d) {}
  Status Send(std::string_view command) override {
    if (d_->send_result.ok()) d_->received.emplace_back(command);
    return d_->send_result;
  }
  Result<std::string> Receive(int timeout_ms) override {
    d_->timeouts.push_back(timeout_ms);
    if (d_->replies.empty()) return MakeError("no reply", ETIMEDOUT);
    Result<std::string> r = d_->replies.front();
    d_->replies.pop_front();
    return r;
  }

 private:
  FakeDaemon* d_;
};

class FakeEditor : public LineEditor {
 public:
  explicit FakeEditor(std::vector<std::string> lines) : lines_(lines.begin(), lines.end()) {}
  std::optional<std::string> ReadLine(const char* prompt) override {
    prompts.emplace_back(prompt);
    if (lines_.empty()) return std::nullopt;
    std::string l = lines_.front();
    lines_.pop_front();
    return l;
  }
  void AddHistory(const std::string& line) override { history.push_back(line); }

  std::vector<std::string> prompts, history;

 private:
  std::deque<std::string> lines_;
};

class MultipathdClientTest : public ::testing::Test {
 protected:
  int Run(const MultipathdOptions& o, FakeEditor* editor = nullptr, bool terminal = true) {
    ClientIo io{
        .connect = [this]() -> Result<std::unique_ptr<MultipathdConnection>> {
          if (!daemon_.listening) return MakeError("connect", ECONNREFUSED);
          ++daemon_.connections;
          return std::unique_ptr<MultipathdConnection>(std::make_unique<FakeConnection>(&daemon_));
        },
        .editor = editor,
        .out = &out_,
        .err = &err_,
        .out_is_terminal = terminal};
    return RunMultipathdClient(o, kDefaultUxsockTimeoutMs, io);
  }
  static MultipathdOptions Command(const std::string& text) {
    return {.mode = MultipathdMode::kCommand, .command = text};
  }
  static MultipathdOptions Prompt() { return {.mode = MultipathdMode::kInteractive}; }

  FakeDaemon daemon_;
  std::ostringstream out_, err_;
};

TEST_F(MultipathdClientTest, ReplyPrintedAsIsAndExit0) {
  daemon_.replies.push_back(std::string("name sysfs\nmpatha dm-0\n"));
  EXPECT_EQ(Run(Command("show maps \n")), 0);
  EXPECT_EQ(daemon_.received, std::vector<std::string>{"show maps \n"});
  EXPECT_EQ(out_.str(), "name sysfs\nmpatha dm-0\n");
  EXPECT_EQ(err_.str(), "");
  // uxsock_timeout + 100, as the reference
  EXPECT_EQ(daemon_.timeouts, std::vector<int>{4100});
}

TEST_F(MultipathdClientTest, ExitCodesAsTheReference094) {
  struct Case {
    std::string reply;
    int code;
  } cases[] = {
      {"ok\n", 0}, {"fail\n", 1},    {"fail\nreason\n", 0},  // 0.9.4 compares the whole reply
      {"fail", 0}, {"timeout\n", 0}, {"", 0},
  };
  for (const Case& c : cases) {
    FakeDaemon fresh;
    daemon_ = fresh;
    out_.str("");
    daemon_.replies.push_back(c.reply);
    EXPECT_EQ(Run(Command("x")), c.code) << c.reply;
    EXPECT_EQ(out_.str(), c.reply);  // printed whole, "fail\n" included
  }
}

TEST_F(MultipathdClientTest, NoDaemonIsExit1Silently) {
  daemon_.listening = false;
  EXPECT_EQ(Run(Command("show paths \n")), 1);
  EXPECT_EQ(out_.str(), "");
  EXPECT_EQ(err_.str(), "");
}

TEST_F(MultipathdClientTest, TransportFailuresAsTheReferenceWordsThem) {
  struct Case {
    int send_errno;  // 0: sent
    int receive_errno;
    std::string out;
  } cases[] = {
      {EPIPE, 0, "cannot send packet\n"},
      {0, ETIMEDOUT, "timeout receiving packet\n"},
      {0, EIO, "error -5 receiving packet\n"},
      {0, ERANGE, "error -34 receiving packet\n"},
  };
  for (const Case& c : cases) {
    FakeDaemon fresh;
    daemon_ = fresh;
    out_.str("");
    if (c.send_errno != 0) daemon_.send_result = MakeError("send", c.send_errno);
    if (c.receive_errno != 0) daemon_.replies.push_back(MakeError("recv", c.receive_errno));
    EXPECT_EQ(Run(Command("show paths \n")), 1) << c.out;
    EXPECT_EQ(out_.str(), c.out);
  }
}

TEST_F(MultipathdClientTest, PromptSendsLinesUntilQuitOnOneConnection) {
  daemon_.replies = {std::string("paths\n"), std::string("maps\n")};
  FakeEditor editor({"show paths", "", "show maps", " quit ", "show never"});
  EXPECT_EQ(Run(Prompt(), &editor), 0);
  EXPECT_EQ(daemon_.connections, 1);
  EXPECT_EQ(daemon_.received, (std::vector<std::string>{"show paths", "show maps"}));
  EXPECT_EQ(out_.str(), "paths\nmaps\n");
  EXPECT_EQ(editor.history, (std::vector<std::string>{"show paths", "show maps"}));
  EXPECT_EQ(editor.prompts.size(), 4u);
  EXPECT_EQ(editor.prompts.front(), "multipathd> ");
}

TEST_F(MultipathdClientTest, PromptEndsAtEndOfInputOrABrokenReply) {
  FakeEditor eof({});
  EXPECT_EQ(Run(Prompt(), &eof), 0);

  daemon_.replies = {MakeError("recv", EIO)};
  FakeEditor broken({"show paths", "show maps"});
  EXPECT_EQ(Run(Prompt(), &broken), 0);
  EXPECT_EQ(daemon_.received, std::vector<std::string>{"show paths"});
  EXPECT_TRUE(broken.history.empty());
}

TEST_F(MultipathdClientTest, PromptWithoutDaemonSaysSo) {
  daemon_.listening = false;
  FakeEditor editor({"show paths"});
  EXPECT_EQ(Run(Prompt(), &editor), 1);
  EXPECT_EQ(err_.str(), "ERROR: failed to connect to multipathd\n");
  EXPECT_TRUE(editor.prompts.empty());
}

TEST_F(MultipathdClientTest, PromptStripsColorsWhenNotATerminal) {
  daemon_.replies = {std::string("\x1b[1mbold\x1b[0m\n"), std::string("\x1b[1mbold\x1b[0m\n")};
  FakeEditor piped({"show"});
  Run(Prompt(), &piped, /*terminal=*/false);
  EXPECT_EQ(out_.str(), "bold\n");
  out_.str("");
  FakeEditor tty({"show"});
  Run(Prompt(), &tty, /*terminal=*/true);
  EXPECT_EQ(out_.str(), "\x1b[1mbold\x1b[0m\n");
}

TEST(MultipathdClientWordsTest, IsQuit) {
  EXPECT_TRUE(IsQuit("quit"));
  EXPECT_TRUE(IsQuit("exit"));
  EXPECT_TRUE(IsQuit("  exit\t"));
  EXPECT_FALSE(IsQuit("quit now"));
  EXPECT_FALSE(IsQuit("q"));
  EXPECT_FALSE(IsQuit("   "));
  EXPECT_FALSE(IsQuit("shutdown"));
}

TEST(MultipathdClientWordsTest, StripColors) {
  EXPECT_EQ(StripColors("plain\n"), "plain\n");
  EXPECT_EQ(StripColors("\x1b[31mred\x1b[0m and \x1b[1;32mgreen\x1b[0m"), "red and green");
  EXPECT_EQ(StripColors("cut \x1b[31"), "cut ");
  EXPECT_EQ(StripColors("lone \x1b here"), "lone \x1b here");
}

}  // namespace
}  // namespace mpx
