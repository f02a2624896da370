#include "policy/partition_maps.h"

#include <gtest/gtest.h>

namespace mpx {
namespace {

TEST(PartitionMapsTest, NumberFromKpartxUuid) {
  const std::string parent = "mpath-3600140512345";
  EXPECT_EQ(PartitionNumber("part1-mpath-3600140512345", parent), 1);
  EXPECT_EQ(PartitionNumber("part12-mpath-3600140512345", parent), 12);
  EXPECT_EQ(PartitionNumber("part1-mpath-3600140599999", parent), std::nullopt);  // another map's
  EXPECT_EQ(PartitionNumber("mpath-3600140512345", parent), std::nullopt);
  EXPECT_EQ(PartitionNumber("part-mpath-3600140512345", parent), std::nullopt);
  EXPECT_EQ(PartitionNumber("partx-mpath-3600140512345", parent), std::nullopt);
  EXPECT_EQ(PartitionNumber("part1-mpath-3600140512345-x", parent), std::nullopt);
  EXPECT_EQ(PartitionNumber("part1-", ""), std::nullopt);
  EXPECT_EQ(PartitionNumber("part1234567-mpath-3600140512345", parent), std::nullopt);
}

TEST(PartitionMapsTest, LinearOverTheParent) {
  EXPECT_TRUE(IsLinearOver("0 2048 linear 253:0 2048", 253, 0));
  EXPECT_TRUE(IsLinearOver("0 2048 linear 253:0 2048\n", 253, 0));
  EXPECT_FALSE(IsLinearOver("0 2048 linear 253:01 2048", 253, 0));
  EXPECT_FALSE(IsLinearOver("0 2048 linear 253:10 2048", 253, 1));
  EXPECT_FALSE(IsLinearOver("0 2048 striped 2 8 253:0 0 253:1 0", 253, 0));
  EXPECT_FALSE(IsLinearOver("0 2048 linear 253:0 0\n2048 2048 linear 253:0 4096", 253, 0));
  EXPECT_FALSE(IsLinearOver("", 253, 0));
}

struct RenameCase {
  const char* part = "";
  const char* old_name = "";
  const char* new_name = "";
  std::optional<std::string> delimiter;
  std::optional<std::string> want;
};

TEST(PartitionMapsTest, RenamedWithTheirMap) {
  const RenameCase cases[] = {
      {"mpatha1", "mpatha", "data", std::nullopt, "data1"},
      {"mpatha-part1", "mpatha", "data", std::nullopt, "data1"},  // the tail from the digit
      {"mpatha-part2", "mpatha", "data", std::string("-part"), "data-part2"},
      {"mpatha1", "mpatha", "disk7", std::nullopt, "disk7p1"},  // new name ends in a digit
      {"mpath0p3", "mpath0", "mpatha", std::nullopt, "mpatha3"},
      {"mpath0p3", "mpath0", "mpatha", std::string(""), "mpatha3"},
      {"other1", "mpatha", "data", std::nullopt, std::nullopt},  // not named after the map
      {"mpatha", "mpatha", "data", std::nullopt, "data"},
  };
  for (const RenameCase& c : cases) {
    EXPECT_EQ(RenamedPartitionMap(c.part, c.old_name, c.new_name, c.delimiter), c.want)
        << c.part << " " << c.old_name << " -> " << c.new_name;
  }
}

}  // namespace
}  // namespace mpx
