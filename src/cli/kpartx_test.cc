#include "cli/kpartx.h"

#include <gtest/gtest.h>

#include "testing/fake_devmapper.h"

namespace mpx {
namespace {

// The shape of tests/kpartx/make_images.py's dos.img.
PartitionTable Dos() {
  return {"dos",
          {{1, 2048, 4096, 0},
           {2, 6144, 2, 0},
           {3, 14336, 2048, 0},
           {5, 8192, 1024, 2},
           {6, 12288, 1024, 2}},
          {}};
}

class KpartxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(dm_.Create("mpatha", "mpath-3600a",
                           "0 16384 multipath 0 0 1 1 service-time 0 1 1 8:0 1", {})
                    .ok());
    mpatha_ = {"/dev/mapper/mpatha", "mpatha", "mpath-3600a", 253, 0};
  }
  CommandOutput Run(KpartxOp op, const PartitionTable& t, bool verbose = true,
                    std::optional<std::string> delim = std::nullopt,
                    const KpartxParent* parent = nullptr) {
    return RunKpartx({op, std::move(delim), verbose}, parent ? *parent : mpatha_, t, dm_, log_);
  }
  std::string Uuid(const std::string& name) { return dm_.Info(name).value().uuid; }
  std::string Table(const std::string& name) { return dm_.Table(name).value(); }

  FakeDeviceMapper dm_;
  CaptureLogger log_;
  KpartxParent mpatha_;
};

TEST_F(KpartxTest, NamesAsTheReference) {
  EXPECT_EQ(PartitionMapName({"/dev/sda", "sda", "", 8, 0}, std::nullopt, 1), "sda1");
  EXPECT_EQ(PartitionMapName({"/dev/loop0", "loop0", "", 7, 0}, std::nullopt, 5), "loop0p5");
  EXPECT_EQ(PartitionMapName({"/dev/sda", "sda", "", 8, 0}, "-part", 2), "sda-part2");
  EXPECT_EQ(DevnodeUuid(7, 0), "devnode_7:0_Wh5pYvM");
}

TEST_F(KpartxTest, ReadOnlyMapsWithR) {
  KpartxRequest req{KpartxOp::kAdd, std::nullopt, false, true};
  EXPECT_EQ(RunKpartx(req, mpatha_, Dos(), dm_, log_).exit_code, 0);
  EXPECT_TRUE(dm_.Info("mpatha1").value().read_only);
  EXPECT_TRUE(dm_.Info("mpatha5").value().read_only);
  EXPECT_FALSE(dm_.Info("mpatha").value().read_only);
  EXPECT_EQ(dm_.Info("mpatha").value().open_count, 5);  // each partition map holds it
}

TEST_F(KpartxTest, ListPrintsWhatAddWouldMake) {
  KpartxParent sda{"/dev/sda", "sda", DevnodeUuid(8, 0), 8, 0};
  CommandOutput r = Run(KpartxOp::kList, Dos(), false, std::nullopt, &sda);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out,
            "sda1 : 0 4096 /dev/sda 2048\nsda2 : 0 2 /dev/sda 6144\nsda3 : 0 2048 /dev/sda 14336\n"
            "sda5 : 0 1024 /dev/sda 8192\nsda6 : 0 1024 /dev/sda 12288\n");
  EXPECT_EQ(dm_.calls().size(), 1u);  // the parent's create only: -l changes nothing
}

TEST_F(KpartxTest, AddMakesLinearMapsOnTheParentOnceAndRenamesByUuid) {
  CommandOutput r = Run(KpartxOp::kAdd, Dos());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("add map mpatha5 (253:4): 0 1024 linear 253:0 8192\n"), std::string::npos)
      << r.out;
  EXPECT_EQ(Table("mpatha2"), "0 2 linear 253:0 6144");
  EXPECT_EQ(Uuid("mpatha6"), "part6-mpath-3600a");
  const size_t calls = dm_.calls().size();
  EXPECT_EQ(Run(KpartxOp::kAdd, Dos(), false).exit_code, 0);
  for (size_t k = calls; k < dm_.calls().size(); ++k) {
    EXPECT_EQ(dm_.calls()[k].rfind("create", 0), std::string::npos) << dm_.calls()[k];
    EXPECT_EQ(dm_.calls()[k].rfind("reload", 0), std::string::npos) << dm_.calls()[k];
  }
  // udev's rule asks for -part names: the same maps, renamed.
  r = Run(KpartxOp::kAdd, Dos(), true, "-part");
  EXPECT_NE(r.out.find("found map mpatha1 for uuid part1-mpath-3600a, renaming to mpatha-part1\n"),
            std::string::npos)
      << r.out;
  EXPECT_TRUE(dm_.Info("mpatha-part1").ok());
  EXPECT_FALSE(dm_.Info("mpatha1").ok());
}

TEST_F(KpartxTest, UpdateReloadsChangedCreatesNewRemovesGone) {
  ASSERT_EQ(Run(KpartxOp::kAdd, Dos(), false).exit_code, 0);
  PartitionTable t = Dos();
  t.slices[2].size = 1024;                  // partition 3 shrinks
  t.slices.push_back({4, 15360, 1024, 0});  // 4 is new
  t.slices.erase(t.slices.begin() + 4);     // 6 is gone
  EXPECT_EQ(Run(KpartxOp::kUpdate, t, false).exit_code, 0);
  EXPECT_EQ(Table("mpatha3"), "0 1024 linear 253:0 14336");
  EXPECT_EQ(Table("mpatha4"), "0 1024 linear 253:0 15360");
  EXPECT_FALSE(dm_.Info("mpatha6").ok());
  EXPECT_EQ(Table("mpatha1"), "0 4096 linear 253:0 2048");
}

TEST_F(KpartxTest, DeleteRefusesBusyMapsByNameAndRemovesTheRestOfThisParentOnly) {
  ASSERT_EQ(Run(KpartxOp::kAdd, Dos(), false).exit_code, 0);
  KpartxParent sda{"/dev/sda", "sda", DevnodeUuid(8, 0), 8, 0};
  ASSERT_EQ(Run(KpartxOp::kAdd, Dos(), false, std::nullopt, &sda).exit_code, 0);
  dm_.SetOpenCount("mpatha1", 1);
  CommandOutput r = Run(KpartxOp::kDelete, {});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(log_.Contains("mpatha1 is in use. Not removing"));
  EXPECT_NE(r.out.find("del devmap : mpatha5\n"), std::string::npos) << r.out;
  EXPECT_TRUE(dm_.Info("mpatha1").ok());
  EXPECT_FALSE(dm_.Info("mpatha2").ok());
  EXPECT_TRUE(dm_.Info("mpatha").ok());  // the parent itself stays
  EXPECT_TRUE(dm_.Info("sda1").ok());    // another parent's stay
}

// tests/kpartx/make_images.py's sun.img: slices 1, 2 and 5 lie in 3, the
// whole disk; the reference makes (and lists) 3 first.
TEST_F(KpartxTest, ContainedSlicesComeAfterTheOthers) {
  const PartitionTable sun{
      "sun", {{1, 2048, 4096, 3}, {2, 6144, 2048, 3}, {3, 0, 16384, 0}, {5, 10240, 1024, 3}}, {}};
  KpartxParent loop{"/dev/loop0", "loop0", DevnodeUuid(7, 0), 7, 0};
  CommandOutput r = Run(KpartxOp::kList, sun, false, std::nullopt, &loop);
  EXPECT_EQ(r.out,
            "loop0p3 : 0 16384 /dev/loop0 0\nloop0p1 : 0 4096 /dev/loop0 2048\n"
            "loop0p2 : 0 2048 /dev/loop0 6144\nloop0p5 : 0 1024 /dev/loop0 10240\n");
  r = Run(KpartxOp::kAdd, sun, true, std::nullopt, &loop);
  EXPECT_EQ(r.out.find("add map loop0p3 (253:1)"), 0u) << r.out;
  EXPECT_NE(r.out.find("add map loop0p1 (253:2)"), std::string::npos) << r.out;
}

// kpartx.c maps nothing and removes nothing when no format claims the disk.
TEST_F(KpartxTest, NoFormatNoChange) {
  ASSERT_EQ(Run(KpartxOp::kAdd, Dos(), false).exit_code, 0);
  PartitionTable none;
  EXPECT_EQ(Run(KpartxOp::kUpdate, none, false).exit_code, 0);
  EXPECT_TRUE(dm_.Info("mpatha1").ok());
  PartitionTable empty_dos{"dos", {}, {}};
  EXPECT_EQ(Run(KpartxOp::kUpdate, empty_dos, false).exit_code, 0);
  EXPECT_FALSE(dm_.Info("mpatha1").ok());
}

}  // namespace
}  // namespace mpx
