#include "engine/config_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "base/test_dir.h"

namespace mpx {
namespace {

PosixFiles files_;  // over real temporary files: PosixFiles is tested too

TEST(LoadConfigTest, MainFileThenDropInsInNameOrder) {
  testing::TestDir dir;
  dir.Write("multipath.conf", "defaults {\n alias_prefix main\n polling_interval 3\n}\n");
  dir.Write("conf.d/b.conf", "defaults {\n alias_prefix b\n}\n");
  dir.Write("conf.d/a.conf", "defaults {\n alias_prefix a\n polling_interval 7\n}\n");
  dir.Write("conf.d/C.conf", "defaults {\n rr_min_io_rq 9\n}\n");   // 'C' < 'a'
  dir.Write("conf.d/z.txt", "defaults {\n alias_prefix z\n}\n");    // not *.conf
  dir.Write("conf.d/.conf", "defaults {\n alias_prefix dot\n}\n");  // no name
  dir.Write("conf.d/sub.conf/x.conf", "garbage {\n");               // a directory
  auto r = LoadConfig(files_, dir.path() + "/multipath.conf", dir.path() + "/conf.d");
  ASSERT_TRUE(r.ok()) << r.error().message;
  const OptionSet& d = r->config.defaults;
  EXPECT_EQ(d.Text(Opt::kAliasPrefix), "b");
  EXPECT_EQ(std::get<int64_t>(d.Get(Opt::kPollingInterval)->value), 7);
  EXPECT_EQ(std::get<int64_t>(d.Get(Opt::kRrMinIoRq)->value), 9);
  EXPECT_EQ(d.Get(Opt::kAliasPrefix)->where, dir.path() + "/conf.d/b.conf:2");
  auto names = ListDropIns(files_, dir.path() + "/conf.d");
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(*names,
            (std::vector<std::string>{dir.path() + "/conf.d/C.conf", dir.path() + "/conf.d/a.conf",
                                      dir.path() + "/conf.d/b.conf"}));
}

TEST(LoadConfigTest, MissingFilesMeanBuiltIns) {
  testing::TestDir dir;
  auto r = LoadConfig(files_, dir.path() + "/nope.conf", dir.path() + "/nodir");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->config.defaults.empty());
  EXPECT_FALSE(r->config.builtin_devices.empty());  // the built-in hardware table
  EXPECT_TRUE(r->warnings.empty());
}

TEST(LoadConfigTest, WarningsAndErrorsNameTheFileAndLine) {
  testing::TestDir dir;
  dir.Write("multipath.conf", "defaults {\n path_grouping_policy foo\n}\n");
  dir.Write("conf.d/a.conf", "blacklist {\n devnode \"(\"\n devnode \"^sdz\"\n}\n");
  auto r = LoadConfig(files_, dir.path() + "/multipath.conf", dir.path() + "/conf.d");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->warnings.size(), 2u);
  EXPECT_EQ(r->warnings[0].rfind(dir.path() + "/multipath.conf:2: invalid value for "
                                              "path_grouping_policy: \"foo\"",
                                 0),
            0u);
  // A bad blacklist regex in a drop-in loses only its entry...
  EXPECT_EQ(r->warnings[1], dir.path() +
                                "/conf.d/a.conf:2: invalid regular expression for devnode: "
                                "\"(\": Unmatched ( or \\(; ignored");
  ASSERT_EQ(r->config.blacklist.items.size(), 1u);
  // ...but stops the run in multipath.conf, as in the reference.
  dir.Write("multipath.conf", "blacklist {\n devnode \"(\"\n}\n");
  r = LoadConfig(files_, dir.path() + "/multipath.conf", dir.path() + "/conf.d");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, dir.path() +
                                   "/multipath.conf:2: invalid regular expression for devnode: "
                                   "\"(\": Unmatched ( or \\(");
}

TEST(LoadConfigTest, UnreadableMainFileIsAnError) {
  testing::TestDir dir;
  dir.Write("multipath.conf/x", "");  // a directory where the file should be
  auto r = LoadConfig(files_, dir.path() + "/multipath.conf", dir.path() + "/conf.d");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message.rfind("cannot read " + dir.path() + "/multipath.conf", 0), 0u);
}

}  // namespace
}  // namespace mpx
