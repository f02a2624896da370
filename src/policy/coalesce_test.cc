#include "policy/coalesce.h"

#include <gtest/gtest.h>

#include "testing/numbered_paths.h"

namespace mpx {
namespace {

using testing::Indices;

Path MakePath(std::string dev, std::string wwid, uint64_t size = 2048) {
  Path p;
  p.major = 8;
  p.minor = static_cast<uint32_t>(16 * (dev.back() - 'a'));
  p.dev = std::move(dev);
  p.wwid = std::move(wwid);
  p.size_sectors = size;
  p.vendor = "Linux";
  p.model = "scsi_debug";
  return p;
}

TEST(CoalesceTest, GroupsByWwidInFirstSeenOrder) {
  std::vector<Path> paths = {MakePath("sda", "B"), MakePath("sdb", "A"), MakePath("sdc", "B"),
                             MakePath("sdd", "A"), MakePath("sde", "C")};
  auto maps = Coalesce(PathSet(paths));
  ASSERT_EQ(maps.size(), 3u);
  EXPECT_EQ(maps[0].wwid, "B");
  EXPECT_EQ(Indices(maps[0].paths), (std::vector<size_t>{0, 2}));
  EXPECT_EQ(maps[1].wwid, "A");
  EXPECT_EQ(Indices(maps[1].paths), (std::vector<size_t>{1, 3}));
  EXPECT_EQ(Indices(maps[2].paths), (std::vector<size_t>{4}));
  EXPECT_EQ(maps[0].vendor, "Linux");
}

TEST(CoalesceTest, SizeMismatchIsLeftOut) {
  std::vector<Path> paths = {MakePath("sda", "A", 100), MakePath("sdb", "A", 200),
                             MakePath("sdc", "A", 100)};
  auto maps = Coalesce(PathSet(paths));
  ASSERT_EQ(maps.size(), 1u);
  EXPECT_EQ(Indices(maps[0].paths), (std::vector<size_t>{0, 2}));
  EXPECT_EQ(Indices(maps[0].size_mismatch), (std::vector<size_t>{1}));
  EXPECT_EQ(maps[0].size_sectors, 100u);
}

TEST(CoalesceTest, EmptyInputGivesNoMaps) { EXPECT_TRUE(Coalesce(PathSet()).empty()); }

}  // namespace
}  // namespace mpx
