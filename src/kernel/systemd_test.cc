#include "kernel/systemd.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <random>
#include <string>

#include "base/test_dir.h"
#include "base/unique_fd.h"

namespace mpx {
namespace {

// Sets (or unsets, with nullopt) a variable for one test and restores it.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) {
      ::setenv(name, value->c_str(), 1);
    } else {
      ::unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

// A datagram socket bound where systemd's notify socket would be.
UniqueFd BindDatagram(const std::string& where) {
  UniqueFd fd(::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0));
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::memcpy(addr.sun_path, where.data(), where.size());
  size_t len = where.size();
  if (where[0] == '@') {
    addr.sun_path[0] = '\0';
  } else {
    ++len;  // the path's NUL
  }
  if (::bind(fd.get(), reinterpret_cast<sockaddr*>(&addr),
             static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + len)) != 0) {
    ADD_FAILURE() << "bind " << where << ": " << std::strerror(errno);
  }
  return fd;
}

std::string ReceiveDatagram(int fd) {
  char buf[512];
  ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
  return n < 0 ? "<nothing>" : std::string(buf, static_cast<size_t>(n));
}

TEST(SdNotifyTest, WithoutNotifySocketIsQuietlyOk) {
  ScopedEnv env("NOTIFY_SOCKET", std::nullopt);
  EXPECT_TRUE(SdNotify("READY=1").ok());
}

TEST(SdNotifyTest, SendsTheStateToAnAbstractSocket) {
  std::random_device rd;
  std::string where =
      "@/mpx-test/notify-" + std::to_string(::getpid()) + "-" + std::to_string(rd());
  UniqueFd sock = BindDatagram(where);
  ScopedEnv env("NOTIFY_SOCKET", where);
  Status s = SdNotify("READY=1\nSTATUS=up");
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(ReceiveDatagram(sock.get()), "READY=1\nSTATUS=up");
}

TEST(SdNotifyTest, SendsTheStateToAPathSocket) {
  testing::TestDir dir;
  std::string where = dir.path() + "/notify";
  UniqueFd sock = BindDatagram(where);
  ScopedEnv env("NOTIFY_SOCKET", where);
  ASSERT_TRUE(SdNotify("WATCHDOG=1").ok());
  EXPECT_EQ(ReceiveDatagram(sock.get()), "WATCHDOG=1");
}

TEST(SdNotifyTest, NoListenerIsAnError) {
  testing::TestDir dir;
  ScopedEnv env("NOTIFY_SOCKET", dir.path() + "/nobody");
  Status s = SdNotify("READY=1");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ENOENT);
}

TEST(SdNotifyTest, OtherAddressFormsAreRefused) {
  ScopedEnv env("NOTIFY_SOCKET", "vsock:2:1234");
  Status s = SdNotify("READY=1");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, EAFNOSUPPORT);
  EXPECT_NE(s.error().message.find("vsock:2:1234"), std::string::npos);
}

TEST(WatchdogIntervalTest, CaseTable) {
  const std::string me = std::to_string(::getpid());
  const std::string other = std::to_string(::getpid() + 1);
  struct Case {
    std::optional<std::string> usec, pid;
    std::optional<MonoTime> want;
  } cases[] = {
      {std::nullopt, std::nullopt, std::nullopt},
      {"20000000", std::nullopt, MonoTime(20000000)},
      {"20000000", me, MonoTime(20000000)},
      {"20000000", other, std::nullopt},  // meant for another process
      {"0", std::nullopt, std::nullopt},
      {"20s", std::nullopt, std::nullopt},
      {"", std::nullopt, std::nullopt},
      {"-5", std::nullopt, std::nullopt},
  };
  for (const Case& c : cases) {
    ScopedEnv usec("WATCHDOG_USEC", c.usec);
    ScopedEnv pid("WATCHDOG_PID", c.pid);
    EXPECT_EQ(WatchdogInterval(), c.want) << c.usec.value_or("unset") << " " << c.pid.value_or("");
  }
}

// Runs `body` in a forked child (fd 3 and the environment are the child's to
// change) and returns its exit code: 0 when every check in it held.
template <typename F>
int InChild(F body) {
  pid_t pid = ::fork();
  if (pid == 0) ::_exit(body());
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 100;
}

TEST(ListenFdsTest, TakesThePassedSocketsMarksThemCloseOnExecNonBlockingAndClearsTheVariables) {
  int code = InChild([] {
    int sv[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) return 1;
    if (::dup2(sv[0], 3) != 3) return 2;
    ::setenv("LISTEN_PID", std::to_string(::getpid()).c_str(), 1);
    ::setenv("LISTEN_FDS", "1", 1);
    ::setenv("LISTEN_FDNAMES", "multipathd.socket", 1);
    std::vector<int> fds = ListenFds();
    if (fds != std::vector<int>{3}) return 3;
    if ((::fcntl(3, F_GETFD) & FD_CLOEXEC) == 0) return 4;
    if ((::fcntl(3, F_GETFL) & O_NONBLOCK) == 0) return 7;  // systemd passes it blocking
    if (std::getenv("LISTEN_PID") || std::getenv("LISTEN_FDS") || std::getenv("LISTEN_FDNAMES")) {
      return 5;
    }
    if (!ListenFds().empty()) return 6;  // taken once
    return 0;
  });
  EXPECT_EQ(code, 0);
}

TEST(ListenFdsTest, SocketsForAnotherProcessAreNotOurs) {
  int code = InChild([] {
    ::setenv("LISTEN_PID", std::to_string(::getpid() + 1).c_str(), 1);
    ::setenv("LISTEN_FDS", "1", 1);
    if (!ListenFds().empty()) return 1;
    if (std::getenv("LISTEN_FDS") != nullptr) return 2;
    return 0;
  });
  EXPECT_EQ(code, 0);
}

TEST(ListenFdsTest, OutsideSystemdNone) {
  int code = InChild([] {
    ::unsetenv("LISTEN_PID");
    ::unsetenv("LISTEN_FDS");
    return ListenFds().empty() ? 0 : 1;
  });
  EXPECT_EQ(code, 0);
}

}  // namespace
}  // namespace mpx
