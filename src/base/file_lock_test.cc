#include "base/file_lock.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/atomic_file.h"
#include "base/test_dir.h"

namespace mpx {
namespace {

void Append(const std::string& path, const char* line) {
  FILE* f = std::fopen(path.c_str(), "a");
  ASSERT_NE(f, nullptr);
  std::fputs(line, f);
  std::fclose(f);
}

// A second process asking for the lock waits until the holder lets go: its
// line comes after the holder's, although the holder writes 200 ms late.
// (The holder is the child: a forked child would share the parent's lock.)
TEST(FileLockTest, ASecondRunWaitsForTheFirst) {
  testing::TestDir dir;
  const std::string lock_path = dir.path() + "/run/mpx/multipath.lock";
  const std::string log = dir.path() + "/log";
  int ready[2];
  ASSERT_EQ(pipe(ready), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(ready[0]);
    auto l = FileLock::Acquire(lock_path);  // also makes run/mpx
    if (!l.ok()) _exit(2);
    if (write(ready[1], "x", 1) != 1) _exit(3);
    usleep(200 * 1000);
    FILE* f = std::fopen(log.c_str(), "a");
    if (f == nullptr) _exit(4);
    std::fputs("first\n", f);
    std::fclose(f);
    _exit(0);  // releases the lock
  }
  close(ready[1]);
  char c;
  ASSERT_EQ(read(ready[0], &c, 1), 1);  // the child holds the lock now
  close(ready[0]);
  {
    auto l = FileLock::Acquire(lock_path);
    ASSERT_TRUE(l.ok()) << l.error().message;
    Append(log, "second\n");
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_EQ(ReadWholeFile(log).value(), "first\nsecond\n");
}

TEST(FileLockTest, UnwritableLockFileIsAnErrorNamingIt) {
  auto l = FileLock::Acquire("/proc/mpx-no-such-dir/multipath.lock");
  ASSERT_FALSE(l.ok());
  EXPECT_NE(l.error().message.find("/proc/mpx-no-such-dir/multipath.lock"), std::string::npos);
}

}  // namespace
}  // namespace mpx
