#include "service/metrics_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "base/atomic_file.h"
#include "base/test_dir.h"
#include "daemon/cli_command.h"
#include "daemon/show.h"
#include "kernel/sysfs.h"

namespace mpx {
namespace {

using std::chrono::milliseconds;

// One map with one up path.
std::shared_ptr<const Snapshot> OneMap(uint64_t checks) {
  auto path = std::make_shared<PathEntry>();
  path->path.dev = "sdb";
  path->path.major = 8;
  path->path.minor = 16;
  path->check.state = PathState::kUp;
  path->check.checks = checks;
  path->map = "3600a";
  auto map = std::make_shared<MapEntry>();
  map->map.name = "mpatha";
  map->map.wwid = "3600a";
  map->map.groups.push_back({.paths = {PathId{8, 16}}});
  auto s = std::make_shared<Snapshot>();
  s->paths.emplace_back(PathId{8, 16}, path);
  s->maps.emplace_back("3600a", map);
  return s;
}

std::string ShowMetrics(const Snapshot& s) {
  testing::TestDir sys;
  auto sysfs = DirSysfs::Open(sys.path());
  auto command = ParseCliCommand("show metrics");
  EXPECT_TRUE(sysfs.ok() && command.ok());
  return RenderShow(s, *command, *sysfs);
}

// Polls `done` for up to five seconds.
bool Eventually(const std::function<bool()>& done) {
  for (int i = 0; i < 500; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(milliseconds(10));
  }
  return done();
}

TEST(MetricsFileTest, WritesWhatShowMetricsAnswers) {
  testing::TestDir dir;
  CaptureLogger log;
  MetricsFile file(dir.path(), log);
  EXPECT_EQ(file.path(), dir.path() + "/multipathd.prom");
  auto s = OneMap(7);
  ASSERT_TRUE(file.Write(*s).ok());
  auto text = ReadWholeFile(file.path());
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, ShowMetrics(*s));
  EXPECT_NE(text->find("mpx_path_checks_total{path=\"sdb\",dev_t=\"8:16\",map=\"mpatha\"} 7\n"),
            std::string::npos)
      << *text;
  EXPECT_EQ(log.Text(), "");
}

TEST(MetricsFileTest, ReplacesTheFileAtomicallyLeavingNoTemporaryFile) {
  testing::TestDir dir;
  CaptureLogger log;
  MetricsFile file(dir.path(), log);
  ASSERT_TRUE(file.Write(*OneMap(1)).ok());
  struct stat before {};
  ASSERT_EQ(::stat(file.path().c_str(), &before), 0);
  ASSERT_TRUE(file.Write(*OneMap(2)).ok());
  struct stat after {};
  ASSERT_EQ(::stat(file.path().c_str(), &after), 0);
  EXPECT_NE(before.st_ino, after.st_ino);  // a new file renamed over, not rewritten in place
  EXPECT_EQ(after.st_mode & 0777, 0644u);
  EXPECT_EQ(*ReadWholeFile(file.path()), ShowMetrics(*OneMap(2)));
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    names.push_back(e.path().filename());
  }
  EXPECT_EQ(names, std::vector<std::string>{"multipathd.prom"});
}

TEST(MetricsFileTest, AnUnwritableDirectoryIsOneWarningUntilItWorksAgain) {
  testing::TestDir dir;
  dir.Write("blocked", "a file where the directory should be\n");
  CaptureLogger log;
  MetricsFile file(dir.path() + "/blocked", log);
  EXPECT_FALSE(file.Write(*OneMap(1)).ok());
  EXPECT_FALSE(file.Write(*OneMap(2)).ok());
  ASSERT_EQ(log.lines().size(), 1u) << log.Text();
  EXPECT_EQ(log.lines()[0].first, LogLevel::kWarning);
  EXPECT_TRUE(log.Contains("metrics textfile: cannot create " + dir.path() +
                           "/blocked/multipathd.prom.mpx-tmp."))
      << log.Text();

  std::filesystem::remove(dir.path() + "/blocked");
  EXPECT_TRUE(file.Write(*OneMap(3)).ok());
  EXPECT_TRUE(log.Contains("written again")) << log.Text();
  EXPECT_TRUE(file.Write(*OneMap(4)).ok());
  EXPECT_EQ(log.lines().size(), 2u) << log.Text();
}

TEST(MetricsFileTest, ParsesTheIntervalOrSaysWhatIsWrong) {
  EXPECT_EQ(*ParseMetricsInterval("15"), 15);
  EXPECT_EQ(*ParseMetricsInterval("1"), 1);
  EXPECT_EQ(*ParseMetricsInterval("86400"), 86400);
  for (const char* bad : {"", "0", "-5", "15s", " 15", "86401", "1.5", "x"}) {
    auto r = ParseMetricsInterval(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().message, "MPX_METRICS_INTERVAL=" + std::string(bad) +
                                     ": not a number of seconds from 1 to 86400");
  }
}

TEST(MetricsFileWriterTest, WritesAtOnceThenEveryIntervalAndRemovesTheFileWhenStopped) {
  testing::TestDir dir;
  CaptureLogger log;
  std::atomic<uint64_t> taken{0};
  std::string path = dir.path() + "/multipathd.prom";
  {
    MetricsFileWriter writer(
        std::make_unique<MetricsFile>(dir.path(), log), [&taken] { return OneMap(++taken); },
        milliseconds(10));
    EXPECT_TRUE(Eventually([&] { return taken >= 3; }));
    EXPECT_TRUE(std::filesystem::exists(path));
  }
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_EQ(log.Text(), "");
}

TEST(MetricsFileWriterTest, KeepsTryingWhileTheDirectoryIsUnwritable) {
  testing::TestDir dir;
  dir.Write("blocked", "not a directory\n");
  CaptureLogger log;
  std::atomic<uint64_t> taken{0};
  MetricsFileWriter writer(
      std::make_unique<MetricsFile>(dir.path() + "/blocked", log),
      [&taken] { return OneMap(++taken); }, milliseconds(10));
  EXPECT_TRUE(Eventually([&] { return taken >= 3; }));
  EXPECT_EQ(log.lines().size(), 1u) << log.Text();
  std::filesystem::remove(dir.path() + "/blocked");
  EXPECT_TRUE(
      Eventually([&] { return std::filesystem::exists(dir.path() + "/blocked/multipathd.prom"); }));
}

TEST(MetricsFileWriterTest, StopsPromptlyDuringALongInterval) {
  testing::TestDir dir;
  CaptureLogger log;
  auto start = std::chrono::steady_clock::now();
  {
    MetricsFileWriter writer(
        std::make_unique<MetricsFile>(dir.path(), log), [] { return OneMap(1); },
        std::chrono::hours(1));
    EXPECT_TRUE(
        Eventually([&] { return std::filesystem::exists(dir.path() + "/multipathd.prom"); }));
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

}  // namespace
}  // namespace mpx
