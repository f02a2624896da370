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
      {{"-v", "9"}, "-v needs a verbosity 0-3, not \"9\""},
      {{"-v"}, "option -v needs a value"},
      {{"-vx"}, "-v needs a verbosity 0-3, not \"x\""},
      {{"-l"}, "option -l is not implemented yet"},
      {{"-p", "multibus"}, "option -p is not implemented yet"},
      {{"--sysfs"}, "--sysfs needs a directory"},
  };
  for (const auto& c : cases) {
    auto o = ParseMultipathOptions(c.args);
    ASSERT_FALSE(o.ok()) << c.args[0];
    EXPECT_EQ(o.error().message, c.error);
  }
}

TEST(MultipathOptionsTest, DoubleDashEndsOptions) {
  auto o = ParseMultipathOptions({"--", "-weird-name"});
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o->devices, std::vector<std::string>{"-weird-name"});
}

}  // namespace
}  // namespace mpx
