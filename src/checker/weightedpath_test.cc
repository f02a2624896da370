#include "checker/weightedpath.h"

#include <gtest/gtest.h>

#include <optional>

#include "base/test_dir.h"
#include "testing/fake_scsi.h"

namespace mpx {
namespace {

Path MakePath() {
  Path p;
  p.dev = "sde";
  p.devnode = "/dev/sde";
  p.hctl = {2, 0, 1, 3};
  p.serial = "0395J1FR904324";
  return p;
}

class WeightedPathTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("class/fc_host/host2/node_name", "0x200100e08ba0aea0\n");
    dir_.Write("class/fc_host/host2/port_name", "0x210100e08ba0aea0\n");
    dir_.Write("class/fc_transport/target2:0:1/port_name", "0x500a098188fcc3a1\n");
    fs_.emplace(DirSysfs::Open(dir_.path()).value());
  }
  PrioResult Run(std::string_view args, const Path& p) {
    return RunPrioritizer("weightedpath", args, PrioIo{io_, &*fs_}, p, std::chrono::seconds(5));
  }
  testing::TestDir dir_;
  std::optional<DirSysfs> fs_;
  testing::FakeScsiIo io_;
};

TEST_F(WeightedPathTest, Keys) {
  Path p = MakePath();
  EXPECT_EQ(Run("hbtl 1:.:.:. 2 2:0:1:3 7", p), (PrioResult{7, ""}));
  EXPECT_EQ(Run("hbtl 2:.:.:. 5 2:0:1:3 7", p).priority, 5);  // the first match wins
  EXPECT_EQ(Run("devname sd[ab] 3", p), (PrioResult{0, ""}));
  EXPECT_EQ(Run("devname s.e 30", p).priority, 30);
  EXPECT_EQ(Run("serial .*J1FR.*324 12", p).priority, 12);
  EXPECT_TRUE(io_.sent().empty());
}

TEST_F(WeightedPathTest, BadArguments) {
  Path p = MakePath();
  EXPECT_EQ(Run("color sde 3", p), (PrioResult{0, "sde: weightedpath - Invalid arguments"}));
  EXPECT_EQ(Run("", p), (PrioResult{0, "sde: weightedpath - no prio_args"}));
  EXPECT_EQ(Run("devname ([ 9 sde 4", p).priority, 4);  // a bad regex is skipped
  EXPECT_EQ(Run("devname sde -2", p).priority, -2);     // a negative priority is an error
  EXPECT_FALSE(Run("devname sde -2", p).ok());
}

TEST_F(WeightedPathTest, Wwn) {
  Path p = MakePath();
  EXPECT_EQ(WeightedPathWwn(&*fs_, p), "[undef]:[undef]:[undef]:[undef]");
  p.target_node_name = "iqn.2009-10.com.redhat:target1";
  EXPECT_EQ(WeightedPathWwn(&*fs_, p), "[undef]:[undef]:iqn.2009-10.com.redhat:target1:[undef]");
  p.transport = "fc";
  p.target_node_name = "0x500a098088fcc3a1";
  EXPECT_EQ(WeightedPathWwn(&*fs_, p),
            "0x200100e08ba0aea0:0x210100e08ba0aea0:0x500a098088fcc3a1:0x500a098188fcc3a1");
  EXPECT_EQ(Run("wwn 0x200100e08ba0aea0:0x210100e08ba0aea0:.*:.* 8", p).priority, 8);
  p.hctl.host = 5;
  EXPECT_EQ(WeightedPathWwn(&*fs_, p), "[unknown]:[unknown]:0x500a098088fcc3a1:[unknown]");
  EXPECT_EQ(WeightedPathWwn(nullptr, p), "[unknown]:[unknown]:0x500a098088fcc3a1:[unknown]");
}

TEST_F(WeightedPathTest, SerialFromSysfsWhenNotKnownYet) {
  Path p = MakePath();
  p.serial.clear();
  const std::string page = std::string("\x00\x80\x00\x06", 4) + "  XY12";
  dir_.Write("block/sde/device/vpd_pg80", page);
  EXPECT_EQ(Run("serial ^XY12$ 6", p).priority, 6);
}

TEST(WeightedPathPriorityTest, Rules) {
  WeightedPathArgs a{"devname", {{"sda", "1"}, {"sd[a-c]", "2"}, {"sdc", "x"}}};
  EXPECT_EQ(WeightedPathPriority(a, "sda"), 1);
  EXPECT_EQ(WeightedPathPriority(a, "sdb"), 2);
  EXPECT_EQ(WeightedPathPriority(a, "sdz"), 0);
  WeightedPathArgs b{"devname", {{"sdc", "x"}}};
  EXPECT_EQ(WeightedPathPriority(b, "sdc"), 0);  // atoi of "x"
  WeightedPathArgs bang{"devname", {{"!sda", "5"}}};
  EXPECT_EQ(WeightedPathPriority(bang, "sdb"), 0);  // no inversion: '!' is a literal
  EXPECT_EQ(WeightedPathPriority(bang, "x!sda"), 5);
}

}  // namespace
}  // namespace mpx
