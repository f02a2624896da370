#include "cmd/multipath_options.h"

#include <gtest/gtest.h>

namespace mpx {
namespace {

TEST(MultipathOptionsTest, DryRunVerbosityJsonDevices) {
  auto o = ParseMultipathOptions({"-d", "-v3", "--json", "sdb", "8:32"});
  ASSERT_TRUE(o.ok()) << o.error().message;
  EXPECT_TRUE(o->dry_run);
  EXPECT_EQ(o->verbosity, 3);
  EXPECT_TRUE(o->json);
  EXPECT_EQ(o->devices, (std::vector<std::string>{"sdb", "8:32"}));
}

TEST(MultipathOptionsTest, ClusteredAndSeparateValues) {
  auto o = ParseMultipathOptions({"-dv", "1", "--sysfs", "/tmp/x", "--no-udev"});
  ASSERT_TRUE(o.ok()) << o.error().message;
  EXPECT_TRUE(o->dry_run);
  EXPECT_EQ(o->verbosity, 1);
  EXPECT_EQ(o->sysfs_root, "/tmp/x");
  EXPECT_FALSE(o->use_udev);
}

TEST(MultipathOptionsTest, ErrorsNameTheWord) {
  struct Case {
    std::vector<std::string> args;
    std::string error;
  } cases[] = {
      {{"-x"}, "unknown option -x"},
      {{"--frobnicate"}, "unknown option --frobnicate"},
      {{"-v", "9"}, "-v needs a number 0-3, not \"9\""},
      {{"-v"}, "option -v needs a value"},
      {{"-vx"}, "-v needs a number 0-3, not \"x\""},
      {{"-D"}, "option -D is not implemented yet"},
      {{"-l", "-a"},
       "options -l/-ll, -f, -F, -a, -w, -W, -c, -u, -C, -U, -t and -T exclude each other"},
      {{"-t", "-T"},
       "options -l/-ll, -f, -F, -a, -w, -W, -c, -u, -C, -U, -t and -T exclude each other"},
      {{"-p", "roundrobin"}, "-p needs a path grouping policy, not \"roundrobin\""},
      {{"-l", "-F"},
       "options -l/-ll, -f, -F, -a, -w, -W, -c, -u, -C, -U, -t and -T exclude each other"},
      {{"--diff"}, "--diff needs -d"},
      {{"-R", "x"}, "-R needs a number 0-1000, not \"x\""},
      {{"--sysfs"}, "--sysfs needs a directory"},
  };
  for (const auto& c : cases) {
    auto o = ParseMultipathOptions(c.args);
    ASSERT_FALSE(o.ok()) << c.args[0];
    EXPECT_EQ(o.error().message, c.error);
  }
}

TEST(MultipathOptionsTest, ModesAndFlags) {
  auto ll = ParseMultipathOptions({"-ll", "mpatha"});
  ASSERT_TRUE(ll.ok());
  EXPECT_EQ(ll->mode, MultipathMode::kListCheck);
  auto l = ParseMultipathOptions({"-l"});
  EXPECT_EQ(l->mode, MultipathMode::kList);
  auto f = ParseMultipathOptions({"-f", "mpatha", "-R3"});
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->mode, MultipathMode::kFlush);
  EXPECT_EQ(f->devices, std::vector<std::string>{"mpatha"});
  EXPECT_EQ(f->flush_retries, std::optional<int>(3));
  auto c = ParseMultipathOptions({"-rdiBq", "--diff", "-p", "multibus", "-b", "/tmp/b"});
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_TRUE(c->force_reload && c->dry_run && c->ignore_wwids && c->bindings_read_only &&
              c->allow_queueing);
  EXPECT_EQ(c->grouping_policy, "multibus");
  EXPECT_EQ(ParseMultipathOptions({"-t"})->mode, MultipathMode::kShowConfig);
  EXPECT_EQ(ParseMultipathOptions({"--check-config"})->mode, MultipathMode::kCheckConfig);
  EXPECT_EQ(ParseMultipathOptions({"--check-config", "f.conf"})->devices,
            std::vector<std::string>{"f.conf"});
  EXPECT_FALSE(ParseMultipathOptions({"--check-config", "a", "b"}).ok());
  EXPECT_EQ(ParseMultipathOptions({"-v0", "-T"})->mode, MultipathMode::kShowPresent);
  EXPECT_EQ(c->bindings_file, "/tmp/b");
}

TEST(MultipathOptionsTest, DoubleDashEndsOptions) {
  auto o = ParseMultipathOptions({"--", "-weird-name"});
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o->devices, std::vector<std::string>{"-weird-name"});
}

}  // namespace
}  // namespace mpx
