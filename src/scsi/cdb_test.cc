#include "scsi/cdb.h"

#include <gtest/gtest.h>

namespace mpx::scsi {
namespace {

using Bytes = std::vector<uint8_t>;

TEST(CdbTest, Builders) {
  EXPECT_EQ(TestUnitReadyCdb(), Bytes(6, 0));
  EXPECT_EQ(InquiryCdb(true, 0xc9, 48), (Bytes{0x12, 1, 0xc9, 0, 48, 0}));
  EXPECT_EQ(InquiryCdb(false, 0, 0x1ff), (Bytes{0x12, 0, 0, 0x01, 0xff, 0}));
  EXPECT_EQ(Read10Cdb(0x01020304, 8), (Bytes{0x28, 0, 1, 2, 3, 4, 0, 0, 8, 0}));
  EXPECT_EQ(ModeSense10Cdb(0x0a, 1, true, 24), (Bytes{0x5a, 0x08, 0x4a, 0, 0, 0, 0, 0, 24, 0}));
  EXPECT_EQ(ModeSense10Cdb(0x3f, 0, false, 0x100), (Bytes{0x5a, 0, 0x3f, 0, 0, 0, 0, 1, 0, 0}));
  EXPECT_EQ(ModeSelect10Cdb(false, true, 24), (Bytes{0x55, 0x01, 0, 0, 0, 0, 0, 0, 24, 0}));
  EXPECT_EQ(ModeSelect10Cdb(true, false, 24), (Bytes{0x55, 0x10, 0, 0, 0, 0, 0, 0, 24, 0}));
}

}  // namespace
}  // namespace mpx::scsi
