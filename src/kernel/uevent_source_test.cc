#include "kernel/uevent_source.h"

#include <gtest/gtest.h>

namespace mpx {
namespace {

TEST(UeventFromPropertiesTest, UdevPathEvent) {
  Uevent ev = UeventFromProperties({
      {"ACTION", "add"},
      {"DEVPATH", "/devices/pseudo_0/adapter0/host2/target2:0:0/2:0:0:1/block/sdc"},
      {"SUBSYSTEM", "block"},
      {"DEVNAME", "/dev/sdc"},
      {"DEVTYPE", "disk"},
      {"MAJOR", "8"},
      {"MINOR", "32"},
      {"SEQNUM", "4711"},
      {"ID_SERIAL", "333333330000007d0"},
  });
  EXPECT_EQ(ev.action, "add");
  EXPECT_EQ(ev.devname, "sdc");
  EXPECT_EQ(ev.devpath, "/devices/pseudo_0/adapter0/host2/target2:0:0/2:0:0:1/block/sdc");
  EXPECT_EQ(ev.devtype, "disk");
  EXPECT_EQ(ev.major, 8u);
  EXPECT_EQ(ev.minor, 32u);
  EXPECT_EQ(ev.seqnum, 4711u);
  EXPECT_EQ(ev.Get("ID_SERIAL"), "333333330000007d0");
  EXPECT_EQ(ev.env.size(), 9u);
}

TEST(UeventFromPropertiesTest, KernelDmEventKeepsItsDmProperties) {
  Uevent ev = UeventFromProperties({
      {"ACTION", "change"},
      {"DEVPATH", "/devices/virtual/block/dm-3"},
      {"DEVNAME", "dm-3"},
      {"MAJOR", "253"},
      {"MINOR", "3"},
      {"DM_ACTION", "PATH_FAILED"},
      {"DM_PATH", "8:32"},
      {"DM_NR_VALID_PATHS", "1"},
  });
  EXPECT_EQ(ev.devname, "dm-3");
  EXPECT_EQ(ev.Get("DM_ACTION"), "PATH_FAILED");
  EXPECT_EQ(ev.Get("DM_PATH"), "8:32");
  EXPECT_EQ(ev.seqnum, 0u);  // none given
}

TEST(UeventFromPropertiesTest, NameFromDevnameWithoutDevpath) {
  EXPECT_EQ(UeventFromProperties({{"DEVNAME", "/dev/sdb"}}).devname, "sdb");
  EXPECT_EQ(UeventFromProperties({{"DEVNAME", "sdb"}}).devname, "sdb");
  EXPECT_EQ(UeventFromProperties({}).devname, "");
}

TEST(UeventFromPropertiesTest, NumbersThatDoNotParseAreZero) {
  Uevent ev = UeventFromProperties({{"MAJOR", "8x"}, {"MINOR", ""}, {"SEQNUM", "-1"}});
  EXPECT_EQ(ev.major, 0u);
  EXPECT_EQ(ev.minor, 0u);
  EXPECT_EQ(ev.seqnum, 0u);
}

}  // namespace
}  // namespace mpx
