#include "kernel/unix_socket.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <thread>

#include "base/frame.h"

namespace mpx {
namespace {

// Abstract names are per network namespace: a random suffix keeps parallel
// tests (and a real multipathd) apart.
std::string UniqueName() {
  std::random_device rd;
  return "/mpx-test/unix-socket-" + std::to_string(::getpid()) + "-" + std::to_string(rd());
}

// A one-shot server on its own thread: reads one frame, answers `reply`
// (raw bytes, so tests can send broken frames), then closes.
class OneShotServer {
 public:
  OneShotServer(const std::string& name, std::string reply)
      : listen_(ListenAbstract(name).value()) {
    thread_ = std::thread([this, reply = std::move(reply)] { Serve(reply); });
  }
  ~OneShotServer() { Join(); }
  void Join() {
    if (thread_.joinable()) thread_.join();
  }
  // After Join().
  const std::string& command() const { return command_; }

 private:
  void Serve(const std::string& reply) {
    auto conn = WaitForClient();
    if (!conn.valid()) return;
    auto got = ReceiveFrame(conn.get(), 2000, kMaxCommandBytes);
    if (got.ok()) command_ = *got;
    if (!reply.empty()) (void)::send(conn.get(), reply.data(), reply.size(), MSG_NOSIGNAL);
  }
  UniqueFd WaitForClient() {
    for (int i = 0; i < 2000; ++i) {
      auto fd = AcceptConnection(listen_.get());
      if (fd.ok()) return std::move(fd).value();
      if (fd.error().code != EAGAIN) return UniqueFd();
      ::usleep(1000);
    }
    return UniqueFd();
  }

  UniqueFd listen_;
  std::string command_;
  std::thread thread_;
};

TEST(UnixSocketTest, SendCommandGetsTheReplyAndTheServerTheCommand) {
  std::string name = UniqueName();
  OneShotServer server(name, EncodeFrame("ok\n"));
  auto reply = SendCommand(name, "reinstate path sdb", 2000);
  server.Join();
  ASSERT_TRUE(reply.ok()) << reply.error().message;
  EXPECT_EQ(*reply, "ok\n");
  EXPECT_EQ(server.command(), "reinstate path sdb");
}

TEST(UnixSocketTest, NoDaemonIsConnectionRefused) {
  auto reply = SendCommand(UniqueName(), "show paths", 100);
  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(reply.error().code, ECONNREFUSED);
}

TEST(UnixSocketTest, SecondListenerIsAddressInUse) {
  std::string name = UniqueName();
  auto first = ListenAbstract(name);
  ASSERT_TRUE(first.ok());
  auto second = ListenAbstract(name);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, EADDRINUSE);
}

TEST(UnixSocketTest, AcceptWithNoneWaitingIsEagain) {
  auto listen = ListenAbstract(UniqueName());
  ASSERT_TRUE(listen.ok());
  auto conn = AcceptConnection(listen->get());
  ASSERT_FALSE(conn.ok());
  EXPECT_EQ(conn.error().code, EAGAIN);
}

TEST(UnixSocketTest, PeerOfIsThisProcess) {
  std::string name = UniqueName();
  auto listen = ListenAbstract(name);
  ASSERT_TRUE(listen.ok());
  auto client = ConnectAbstract(name);
  ASSERT_TRUE(client.ok());
  auto conn = AcceptConnection(listen->get());
  ASSERT_TRUE(conn.ok());
  auto peer = PeerOf(conn->get());
  ASSERT_TRUE(peer.ok());
  EXPECT_EQ(peer->pid, ::getpid());
  EXPECT_EQ(peer->uid, ::getuid());
  EXPECT_EQ(peer->gid, ::getgid());
}

// ReceiveFrame's errors, over a socketpair whose other end the test drives.
class ReceiveFrameTest : public ::testing::Test {
 protected:
  void SetUp() override {
    int sv[2];
    ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
    ours_.Reset(sv[0]);
    theirs_.Reset(sv[1]);
  }
  void Write(const std::string& bytes) {
    ASSERT_EQ(::write(theirs_.get(), bytes.data(), bytes.size()),
              static_cast<ssize_t>(bytes.size()));
  }
  static std::string Length(size_t n) { return std::string(reinterpret_cast<char*>(&n), sizeof n); }

  UniqueFd ours_, theirs_;
};

TEST_F(ReceiveFrameTest, FrameArrivingInPiecesIsOneReply) {
  std::string frame = EncodeFrame("paths\nsdb\n");
  std::thread writer([&] {
    for (char c : frame) {
      ASSERT_EQ(::write(theirs_.get(), &c, 1), 1);
    }
  });
  auto reply = ReceiveFrame(ours_.get(), 2000, kMaxReplyBytes);
  writer.join();
  ASSERT_TRUE(reply.ok()) << reply.error().message;
  EXPECT_EQ(*reply, "paths\nsdb\n");
}

TEST_F(ReceiveFrameTest, SilenceIsTimedOut) {
  auto reply = ReceiveFrame(ours_.get(), 50, kMaxReplyBytes);
  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(reply.error().code, ETIMEDOUT);
}

TEST_F(ReceiveFrameTest, HalfAFrameThenSilenceIsTimedOut) {
  Write(Length(10) + "abc");
  auto reply = ReceiveFrame(ours_.get(), 50, kMaxReplyBytes);
  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(reply.error().code, ETIMEDOUT);
}

TEST_F(ReceiveFrameTest, CloseBeforeAWholeFrameIsEio) {
  Write(Length(10) + "abc");
  theirs_.Reset();
  auto reply = ReceiveFrame(ours_.get(), 2000, kMaxReplyBytes);
  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(reply.error().code, EIO);
}

TEST_F(ReceiveFrameTest, ZeroOrHugeLengthIsErange) {
  Write(Length(0));
  auto zero = ReceiveFrame(ours_.get(), 2000, kMaxReplyBytes);
  ASSERT_FALSE(zero.ok());
  EXPECT_EQ(zero.error().code, ERANGE);

  SetUp();
  Write(Length(kMaxReplyBytes + 1));
  auto huge = ReceiveFrame(ours_.get(), 2000, kMaxReplyBytes);
  ASSERT_FALSE(huge.ok());
  EXPECT_EQ(huge.error().code, ERANGE);
}

TEST_F(ReceiveFrameTest, SendFrameToAClosedPeerIsEpipeNotASignal) {
  theirs_.Reset();
  Status s = SendFrame(ours_.get(), "show paths");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, EPIPE);
}

TEST_F(ReceiveFrameTest, SendFrameWritesOneFrame) {
  ASSERT_TRUE(SendFrame(ours_.get(), "show maps").ok());
  auto got = ReceiveFrame(theirs_.get(), 2000, kMaxCommandBytes);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(*got, "show maps");
}

}  // namespace
}  // namespace mpx
