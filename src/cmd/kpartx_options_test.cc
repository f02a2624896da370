#include "cmd/kpartx_options.h"

#include <gtest/gtest.h>

namespace mpx {
namespace {

TEST(KpartxOptionsTest, TheReferencesForms) {
  auto o = ParseKpartxOptions({"-un", "-p", "-part", "/dev/dm-0"});  // udev's rule
  ASSERT_TRUE(o.ok()) << o.error().message;
  EXPECT_EQ(o->op, KpartxOp::kUpdate);
  EXPECT_EQ(o->delimiter, std::optional<std::string>("-part"));
  EXPECT_EQ(o->device, "/dev/dm-0");
  o = ParseKpartxOptions({"-avgpX", "disk.img"});
  ASSERT_TRUE(o.ok());
  EXPECT_TRUE(o->verbose && o->force_gpt && o->op == KpartxOp::kAdd);
  EXPECT_EQ(o->delimiter, std::optional<std::string>("X"));
  o = ParseKpartxOptions({"/dev/sda"});
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o->op, KpartxOp::kList);
  EXPECT_EQ(o->type, "");
  o = ParseKpartxOptions({"-l", "-t", "dos", "/dev/sda"});  // a format alone
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o->type, "dos");
  EXPECT_EQ(ParseKpartxOptions({"-lrtgpt", "/dev/sda"})->type, "gpt");
  EXPECT_TRUE(ParseKpartxOptions({"-lrtgpt", "/dev/sda"})->read_only);
}

TEST(KpartxOptionsTest, MistakesAreNamed) {
  EXPECT_EQ(ParseKpartxOptions({"-x", "/dev/sda"}).error().message, "unknown option -x");
  EXPECT_EQ(ParseKpartxOptions({"-a"}).error().message, "no device given");
  EXPECT_EQ(ParseKpartxOptions({"-a", "/dev/sda", "/dev/sdb"}).error().message,
            "one device only: /dev/sdb");
  EXPECT_EQ(ParseKpartxOptions({"/dev/sda", "-p"}).error().message, "-p needs a delimiter");
  EXPECT_EQ(ParseKpartxOptions({"/dev/sda", "-t"}).error().message, "-t needs a format");
  EXPECT_EQ(ParseKpartxOptions({"-b", "/dev/sda"}).error().message, "unknown option -b");
}

}  // namespace
}  // namespace mpx
