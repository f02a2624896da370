#include "base/atomic_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "base/test_dir.h"

namespace mpx {
namespace {

TEST(AtomicFileTest, CreatesAndReplacesKeepingMode) {
  testing::TestDir dir;
  std::string path = dir.path() + "/bindings";
  ASSERT_TRUE(WriteFileAtomically(path, "one\n", 0600).ok());
  EXPECT_EQ(ReadWholeFile(path).value(), "one\n");
  ::chmod(path.c_str(), 0640);
  ASSERT_TRUE(WriteFileAtomically(path, "two\n").ok());
  EXPECT_EQ(ReadWholeFile(path).value(), "two\n");
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
  // No temporary file is left behind.
  size_t files = 0;
  for (auto& e : std::filesystem::directory_iterator(dir.path())) files += e.is_regular_file();
  EXPECT_EQ(files, 1u);
}

TEST(AtomicFileTest, FailureLeavesTheOldFileAndNamesThePath) {
  testing::TestDir dir;
  ASSERT_TRUE(WriteFileAtomically(dir.path() + "/new-dir/wwids", "x").ok());  // one level is made
  Status s = WriteFileAtomically(dir.path() + "/missing-dir/deeper/wwids", "x");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("missing-dir/deeper/wwids"), std::string::npos);
  auto r = ReadWholeFile(dir.path() + "/nope");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ENOENT);
}

}  // namespace
}  // namespace mpx
