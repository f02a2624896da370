#include "model/path_set.h"

#include <gtest/gtest.h>

namespace mpx {
namespace {

Path P(const char* dev, uint32_t minor) {
  Path p;
  p.dev = dev;
  p.major = 8;
  p.minor = minor;
  return p;
}

std::string Devs(const PathSet& s) {
  std::string out;
  for (const Path& p : s) out += p.dev + " ";
  return out;
}

TEST(PathSetTest, KeepsDiscoveryOrderAndFindsById) {
  PathSet s({P("sdb", 16), P("sda", 0), P("sdc", 32)});
  EXPECT_EQ(Devs(s), "sdb sda sdc ");
  ASSERT_NE(s.Find(PathId{8, 0}), nullptr);
  EXPECT_EQ(s.at(PathId{8, 0}).dev, "sda");
  EXPECT_EQ(s.Find(PathId{8, 48}), nullptr);
}

TEST(PathSetTest, ErasingOneLeavesTheOthersFindable) {
  PathSet s({P("sda", 0), P("sdb", 16), P("sdc", 32)});
  EXPECT_TRUE(s.Erase(PathId{8, 16}));
  EXPECT_FALSE(s.Erase(PathId{8, 16}));
  EXPECT_EQ(Devs(s), "sda sdc ");
  EXPECT_EQ(s.at(PathId{8, 32}).dev, "sdc");
  s.Put(P("sdb", 16));
  EXPECT_EQ(Devs(s), "sda sdc sdb ");
}

TEST(PathSetTest, PutReplacesInPlace) {
  PathSet s({P("sda", 0), P("sdb", 16)});
  Path again = P("sda", 0);
  again.wwid = "3600";
  s.Put(again);
  EXPECT_EQ(Devs(s), "sda sdb ");
  EXPECT_EQ(s.at(PathId{8, 0}).wwid, "3600");
}

TEST(PathIdTest, ParsesAndPrintsDeviceNumbers) {
  EXPECT_EQ(PathId::Parse("8:16"), (PathId{8, 16}));
  EXPECT_EQ((PathId{65, 128}).ToString(), "65:128");
  for (const char* bad : {"", "8", "8:", ":1", "a:b", "8:16:1", "-1:2", "4294967296:0"}) {
    EXPECT_FALSE(PathId::Parse(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace mpx
