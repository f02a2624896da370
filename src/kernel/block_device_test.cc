#include "kernel/block_device.h"

#include <gtest/gtest.h>

#include "base/test_dir.h"

namespace mpx {
namespace {

TEST(BlockDeviceTest, AFileReadsAsA512ByteSectorDisk) {
  testing::TestDir dir;
  dir.Write("disk.img", std::string(1024, 'a') + "bc");
  auto d = BlockDevice::Open(dir.path() + "/disk.img");
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ((*d)->size_bytes(), 1026u);
  EXPECT_EQ((*d)->sector_size(), 512u);
  auto tail = (*d)->Read(1024, 2);
  ASSERT_TRUE(tail.ok());
  EXPECT_EQ(std::string(tail->begin(), tail->end()), "bc");
  EXPECT_FALSE((*d)->Read(1025, 2).ok());
  EXPECT_FALSE(BlockDevice::Open(dir.path()).ok());  // a directory
  EXPECT_FALSE(BlockDevice::Open(dir.path() + "/missing").ok());
}

}  // namespace
}  // namespace mpx
