#include "cli/kpartx_id.h"

#include <gtest/gtest.h>

#include <map>

namespace mpx {
namespace {

class KpartxIdTest : public ::testing::Test {
 protected:
  std::string Props(const std::string& uuid) {
    return KpartxIdProperties(uuid, [this](const std::string& u) -> std::optional<KpartxIdMap> {
      auto it = maps_.find(u);
      if (it == maps_.end()) return std::nullopt;
      return it->second;
    });
  }
  std::map<std::string, KpartxIdMap> maps_ = {
      {"mpath-36001405abc", {"mpatha", {8, 65}}}, {"mpath-3dasd", {"mpathd", {94}}},
      {"mpath-3cciss", {"mpathc", {8, 104}}},     {"mpath-3md", {"mpathm", {9}}},
      {"mpath-3nvme", {"mpathn", {259}}},         {"mpath-3nodeps", {"mpathz", {}}},
  };
};

TEST_F(KpartxIdTest, PartitionOfAMultipathMap) {
  EXPECT_EQ(Props("part1-mpath-36001405abc"),
            "DM_MPATH=mpatha\nDM_PART=1\nDM_TYPE=scsi\nDM_WWN=0x6001405abc\n"
            "DM_SERIAL=36001405abc\n");
  EXPECT_EQ(Props("part12-mpath-3nodeps"),
            "DM_MPATH=mpathz\nDM_PART=12\nDM_TYPE=scsi\nDM_WWN=0xnodeps\nDM_SERIAL=3nodeps\n");
}

TEST_F(KpartxIdTest, TypeFromTheDevicesBelow) {
  EXPECT_NE(Props("part1-mpath-3dasd").find("DM_TYPE=ccw\n"), std::string::npos);
  EXPECT_NE(Props("part1-mpath-3cciss").find("DM_TYPE=cciss\n"), std::string::npos);
  EXPECT_NE(Props("part1-mpath-3md").find("DM_TYPE=raid\n"), std::string::npos);
  EXPECT_EQ(Props("part1-mpath-3md").find("DM_WWN"), std::string::npos);
  EXPECT_NE(Props("part1-mpath-3nvme").find("DM_TYPE=scsi\n"), std::string::npos);
}

TEST_F(KpartxIdTest, MultipathMapItself) {
  EXPECT_EQ(Props("mpath-36001405abc"),
            "DM_TYPE=scsi\nDM_WWN=0x6001405abc\nDM_SERIAL=36001405abc\n");
}

TEST_F(KpartxIdTest, MissingParentAndOtherMaps) {
  // The parent is gone: no name, no devices, so raid (as the reference).
  EXPECT_EQ(Props("part2-mpath-3gone"), "DM_MPATH=\nDM_PART=2\nDM_TYPE=raid\nDM_SERIAL=3gone\n");
  EXPECT_EQ(Props("part1-devnode_7:0_Wh5pYvM"), "DM_MPATH=\nDM_PART=1\nDM_TYPE=raid\n");
  EXPECT_EQ(Props("LVM-abc"), "DM_TYPE=raid\n");
  EXPECT_EQ(Props("part-mpath-36001405abc"),
            "DM_MPATH=mpatha\nDM_TYPE=scsi\n"
            "DM_WWN=0x6001405abc\nDM_SERIAL=36001405abc\n");
}

}  // namespace
}  // namespace mpx
